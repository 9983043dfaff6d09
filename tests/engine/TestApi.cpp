// SPDX-License-Identifier: MIT
#include "core/ApiWire.h"
#include "core/Clock.h"
#include "engine/ServerInstance.h"
#include "storage/AgentQueries.h"
#include "storage/Database.h"
#include "storage/KeyStore.h"
#include "support/HttpTestClient.h"
#include "support/TestEnv.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <thread>

using namespace clev;

// JSON written with single quotes, so fixtures stay readable without raw string literals (which moc 6.4
// cannot parse).
inline QByteArray J(const char *singleQuoted)
{
    return QByteArray(singleQuoted).replace('\'', '"');
}
using clev::test::HttpTestClient;
using clev::test::TestDir;
using clev::test::TestResponse;

// The API end to end: a real ServerInstance (SQLite file, writer thread, HTTP threads) on a loopback
// port, driven by a raw HTTP client. Time comes from a ManualClock, so rate limits and key caching are
// tested without sleeping.
class TestApi : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ServerInstance> m_server;
    QByteArray m_ingest, m_read, m_admin;

    void start(const std::function<void(ServerConfig &)> &tweak = {})
    {
        m_dir = std::make_unique<TestDir>();
        m_clock = std::make_unique<ManualClock>();
        ServerConfig config;
        config.databasePath = m_dir->file(QStringLiteral("api.db"));
        config.http.port = 0;
        config.timeZone = QTimeZone::utc();
        if (tweak)
            tweak(config);
        m_server = std::make_unique<ServerInstance>(config, m_clock.get());
        QString error;
        if (!m_server->start(&error))
            qFatal("server did not start: %s", qPrintable(error));
        KeyStore keys(m_server->database());
        m_ingest = keys.create(QStringLiteral("ingest"), ApiKey::Scope::Ingest, 0, 0, &error)->key;
        m_read = keys.create(QStringLiteral("read"), ApiKey::Scope::Read, 0, 0, &error)->key;
        m_admin = keys.create(QStringLiteral("admin"), ApiKey::Scope::Admin, 0, 0, &error)->key;
    }

    HttpTestClient &client()
    {
        static thread_local std::unique_ptr<HttpTestClient> c;
        if (!c || c->socket().state() != QAbstractSocket::ConnectedState ||
            c->socket().peerPort() != m_server->port()) {
            c = std::make_unique<HttpTestClient>();
            c->connectTo(m_server->port());
        }
        return *c;
    }

    TestResponse post(const QByteArray &path, const QByteArray &body, const QByteArray &key)
    {
        return client().request("POST", path, body,
                                key.isEmpty() ? QList<QPair<QByteArray, QByteArray>>{}
                                              : QList<QPair<QByteArray, QByteArray>>{{"X-API-Key", key}});
    }
    TestResponse get(const QByteArray &path, const QByteArray &key)
    {
        return client().request("GET", path, {}, {{"X-API-Key", key}});
    }
    qint64 scalar(const QString &sql)
    {
        QSqlQuery q(m_server->database().connection());
        q.exec(sql);
        q.next();
        return q.value(0).toLongLong();
    }

private Q_SLOTS:
    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void heartbeat_firstBeat_createsTheAgent()
    {
        start();
        const TestResponse r =
            post("/api/v1/heartbeat",
                 J("{'agent':'my-agent','tokens_used':1500,'cost_usd':0.045,'tool_calls':3,'iteration_count':42}"),
                 m_ingest);
        QCOMPARE(r.status, 200);
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("received")).toBool(), true);
        QVERIFY(o.value(QStringLiteral("agent_id")).toInteger() > 0);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("healthy"));
        QCOMPARE(r.header("ratelimit-limit"), QByteArray("10000"));
        // Committed before the answer: visible at once.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 1);

        const TestResponse s = get("/api/v1/status", m_read);
        QCOMPARE(s.status, 200);
        const QJsonObject agent = s.json().value(QStringLiteral("agents")).toArray().first().toObject();
        QCOMPARE(agent.value(QStringLiteral("name")).toString(), QStringLiteral("my-agent"));
        QCOMPARE(agent.value(QStringLiteral("tokens_today")).toInteger(), 1500);
        QCOMPARE(agent.value(QStringLiteral("cost_today_usd")).toDouble(), 0.045);
        QCOMPARE(agent.value(QStringLiteral("iteration_count")).toInteger(), 42);
        QCOMPARE(agent.value(QStringLiteral("last_seen")).toString(), QStringLiteral("2026-01-01T00:00:00.000Z"));

        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'my-agent','status':'shutdown'}"), m_ingest)
                     .json()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("stopped"));
    }

    void auth_missingUnknownRevoked_401()
    {
        start();
        const QByteArray body = J("{'agent':'a'}");
        TestResponse r = post("/api/v1/heartbeat", body, {});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("unauthorized"));
        QCOMPARE(r.json().value(QStringLiteral("detail")).toString(), QStringLiteral("missing X-API-Key header"));
        QCOMPARE(post("/api/v1/heartbeat", body, "cv_" + QByteArray(40, 'A')).status, 401);
        QCOMPARE(post("/api/v1/heartbeat", body, "not-a-key").status, 401);
        QCOMPARE(
            post("/api/v1/heartbeat", body, m_ingest.left(m_ingest.size() - 1) + (m_ingest.endsWith('0') ? "1" : "0"))
                .status,
            401); // really another key
        QCOMPARE(post("/api/v1/heartbeat", body, m_ingest).status, 200);

        QString error;
        QCOMPARE(KeyStore(m_server->database()).revoke(QString::fromLatin1(ApiKey::lookupPrefix(m_ingest)), 1, &error),
                 1);
        QCOMPARE(post("/api/v1/heartbeat", body, m_ingest).status, 200); // still cached…
        m_clock->advance(6000);                                          // …for at most 5 s
        r = post("/api/v1/heartbeat", body, m_ingest);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json().value(QStringLiteral("detail")).toString(), QStringLiteral("this API key was revoked"));
        // The key's last use was recorded (by the writer, with the beat).
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM api_keys WHERE last_used_at IS NOT NULL")), 1);
    }

    void scopes_wrongScope_403()
    {
        start();
        TestResponse r = post("/api/v1/heartbeat", J("{'agent':'a'}"), m_read);
        QCOMPARE(r.status, 403);
        QVERIFY(r.json().value(QStringLiteral("detail")).toString().contains(u"ingest"));
        QCOMPARE(get("/api/v1/status", m_ingest).status, 403);
        QCOMPARE(get("/metrics", m_ingest).status, 403);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), m_admin).status, 200);
        QCOMPARE(get("/api/v1/status", m_admin).status, 200);
        // Prometheus scrapers send the key as a bearer token.
        QCOMPARE(client().request("GET", "/metrics", {}, {{"Authorization", "Bearer " + m_read}}).status, 200);
    }

    void badInput_400_422_404_405()
    {
        start();
        TestResponse r = post("/api/v1/heartbeat", J("{'agent':"), m_ingest);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_json"));
        QCOMPARE(post("/api/v1/heartbeat", "", m_ingest).status, 400);

        r = post("/api/v1/heartbeat", J("{'status':'sleeping','tokens_used':-5,'cost_usd':'free'}"), m_ingest);
        QCOMPARE(r.status, 422);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("validation_error"));
        QStringList named;
        for (const QJsonValue &e : r.json().value(QStringLiteral("detail")).toArray())
            named << e.toObject().value(QStringLiteral("field")).toString();
        QCOMPARE(named, (QStringList{QStringLiteral("agent"), QStringLiteral("status"), QStringLiteral("tokens_used"),
                                     QStringLiteral("cost_usd")}));

        r = get("/api/v1/nothing", m_read);
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        r = get("/api/v1/heartbeat", m_ingest);
        QCOMPARE(r.status, 405);
        QCOMPARE(r.header("allow"), QByteArray("POST"));
        QCOMPARE(client().request("GET", "/healthz").json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("ok"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 0);
    }

    // Names: a lone surrogate escape is 422 (before: "a\ud800b" was stored as "a" U+10062 "b" and
    // collided with that name); a name with a slash is reached as %2F (before: 404, the path was
    // decoded before routing).
    void names_loneSurrogates422_slashReachableAsPercent2F()
    {
        start();
        for (const QByteArray &body : {QByteArray(R"({"agent":"a\ud800b"})"), QByteArray(R"({"agent":"a\udc00"})"),
                                       QByteArray(R"({"agent":"x","message":"\ud83d"})")}) {
            const TestResponse r = post("/api/v1/heartbeat", body, m_ingest);
            QCOMPARE(r.status, 422);
            QVERIFY2(r.json()
                         .value(QStringLiteral("detail"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("message"))
                         .toString()
                         .contains(u"unpaired UTF-16 surrogate"),
                     r.body.constData());
        }
        QCOMPARE(post("/api/v1/heartbeat", R"({"agent":"a\ud800\udc62b"})", m_ingest).status, 200); // a real pair
        QCOMPARE(post("/api/v1/heartbeat", R"({"agent":"team\\/a/b"})", m_ingest).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM agents")), 2);
        const TestResponse detail = get("/api/v1/agents/team%5C%2Fa%2Fb", m_read);
        QCOMPARE(detail.status, 200);
        QCOMPARE(get("/api/v1/agents/team/a/b", m_read).status, 404);
    }

    // /costs pages by agent like /status (before: every agent's buckets in one answer).
    void costs_pagedByAgent()
    {
        start();
        for (const char *name : {"cost-c", "cost-a", "cost-b"})
            QCOMPARE(
                post("/api/v1/heartbeat", "{\"agent\":\"" + QByteArray(name) + "\",\"cost_usd\":0.5}", m_ingest).status,
                200);
        const auto agents = [](const TestResponse &r) {
            QStringList names;
            for (const QJsonValue &v : r.json().value(QStringLiteral("series")).toArray())
                names << v.toObject().value(QStringLiteral("agent")).toString();
            return names;
        };
        TestResponse r = get("/api/v1/costs?limit=2", m_read);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("total")).toInt(), 3);
        QCOMPARE(agents(r), (QStringList{QStringLiteral("cost-a"), QStringLiteral("cost-b")}));
        r = get("/api/v1/costs?limit=2&offset=2", m_read);
        QCOMPARE(agents(r), QStringList{QStringLiteral("cost-c")});
        QCOMPARE(get("/api/v1/costs?limit=0", m_read).status, 422);
        QCOMPARE(agents(get("/api/v1/costs", m_read)).size(), 3);
    }

    // GET /api/v1/history: every agent's strip, uptimes and hourly cost, paged by agent id, read scope.
    void history_readScope_stripUptimeCost()
    {
        start();
        m_clock->set(1'767'225'600'000); // 2026-01-01T00:00:00Z: the hour buckets are known
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'h1','interval':10,'cost_usd':0.5}"), m_ingest).status, 200);
            QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'h2','interval':10,'status':'error'}"), m_ingest).status,
                     200);
            m_clock->advance(10'000);
        }
        QCOMPARE(client().request("GET", "/api/v1/history", {}, {}).status, 401);
        QCOMPARE(get("/api/v1/history", m_ingest).status, 403);
        QCOMPARE(get("/api/v1/history?limit=0", m_read).status, 422);
        TestResponse r = get("/api/v1/history", m_read);
        QCOMPARE(r.status, 200);
        const QJsonObject body = r.json();
        QCOMPARE(body.value(QStringLiteral("slots")).toInt(), 30);
        QCOMPARE(body.value(QStringLiteral("total")).toInt(), 2);
        QCOMPARE(body.value(QStringLiteral("cost_from")).toInteger(), 1'767'225'600 - 23 * 3600);
        const QJsonArray list = body.value(QStringLiteral("agents")).toArray();
        QCOMPARE(list.size(), 2);
        const QJsonObject h1 = list.at(0).toObject(), h2 = list.at(1).toObject();
        QCOMPARE(h1.value(QStringLiteral("strip")).toString(), QString(27, u'.') + QStringLiteral("ooo"));
        QCOMPARE(h2.value(QStringLiteral("strip")).toString(), QString(27, u'.') + QStringLiteral("eee"));
        QCOMPARE(h1.value(QStringLiteral("uptime_24h")).toDouble(), 100.0);
        QCOMPARE(h2.value(QStringLiteral("uptime_24h")).toDouble(), 0.0);
        QVERIFY(h1.value(QStringLiteral("uptime_30d")).isDouble());
        const QJsonArray cost = h1.value(QStringLiteral("cost_24h")).toArray();
        QCOMPARE(cost.size(), 24);
        QCOMPARE(cost.at(23).toDouble(), 1.5);
        QCOMPARE(cost.at(0).toDouble(), 0.0);
        // The same shape decodes on the desktop with the same code.
        const ApiWire::HistoryPage page = ApiWire::historyPage(body);
        QCOMPARE(page.total, 2);
        QCOMPARE(page.agents.at(0).cost24h.at(23), 1.5f);
        QCOMPARE(HistoryRules::count(page.agents.at(1).strip, BeatSlot::Error), 3);
        // Paged by agent id.
        r = get("/api/v1/history?limit=1&offset=1", m_read);
        QCOMPARE(r.json().value(QStringLiteral("agents")).toArray().size(), 1);
        QCOMPARE(r.json().value(QStringLiteral("agents")).toArray().at(0).toObject().value(QStringLiteral("agent_id")),
                 h2.value(QStringLiteral("agent_id")));
    }

    // Parameters and bodies are what the docs say or 422: no " 5" taken as 5, no array for an object,
    // no unknown alert kind (before: 200 for all three).
    void strictParameters_422()
    {
        start();
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'p'}"), m_ingest).status, 200);
        for (const QByteArray &limit : {QByteArray("%205"), QByteArray("+5"), QByteArray("5x"), QByteArray("")}) {
            const TestResponse r = get("/api/v1/status?limit=" + limit, m_read);
            QVERIFY2(r.status == 422, limit.constData());
            QCOMPARE(r.json()
                         .value(QStringLiteral("detail"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("field"))
                         .toString(),
                     QStringLiteral("limit"));
        }
        QCOMPARE(get("/api/v1/status?limit=5", m_read).status, 200);
        QCOMPARE(get("/api/v1/alerts?kind=bogus", m_read).status, 422);
        QCOMPARE(get("/api/v1/alerts?kind=restart_failed", m_read).status, 200);
        const TestResponse pause = post("/api/v1/agents/p/pause", "[1]", m_admin);
        QCOMPARE(pause.status, 422);
        QVERIFY(QString::fromUtf8(pause.body).contains(u"must be a JSON object"));
        QCOMPARE(post("/api/v1/agents/p/pause", J("{'minutes':5}"), m_admin).status, 200);
    }

    void batch_mixedItems_perItemResultsInOrder()
    {
        start();
        TestResponse r = post(
            "/api/v1/heartbeat/batch",
            J("{'heartbeats':[{'agent':'a','tokens_used':5},{'agent':'b','tokens_used':-1},{'agent':'c'},{'nope':1}]}"),
            m_ingest);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("received")).toInt(), 2);
        QCOMPARE(r.json().value(QStringLiteral("rejected")).toInt(), 2);
        const QJsonArray results = r.json().value(QStringLiteral("results")).toArray();
        QCOMPARE(results.size(), 4);
        const bool expected[] = {true, false, true, false};
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(results.at(i).toObject().value(QStringLiteral("index")).toInt(), i);
            QCOMPARE(results.at(i).toObject().value(QStringLiteral("received")).toBool(), expected[i]);
        }
        QCOMPARE(results.at(1)
                     .toObject()
                     .value(QStringLiteral("detail"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("field"))
                     .toString(),
                 QStringLiteral("heartbeats[1].tokens_used"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 2);

        // A bare array works too.
        QCOMPARE(post("/api/v1/heartbeat/batch", J("[{'agent':'a'},{'agent':'a'}]"), m_ingest)
                     .json()
                     .value(QStringLiteral("received"))
                     .toInt(),
                 2);
        // Nothing valid, nothing at all, or too much: 422.
        QCOMPARE(post("/api/v1/heartbeat/batch", J("[{'x':1}]"), m_ingest).status, 422);
        QCOMPARE(post("/api/v1/heartbeat/batch", J("{'heartbeats':[]}"), m_ingest).status, 422);
        QCOMPARE(post("/api/v1/heartbeat/batch", J("{'heartbeats':{}}"), m_ingest).status, 422);
        QJsonArray big;
        for (int i = 0; i < 1001; ++i)
            big.append(QJsonObject{{QStringLiteral("agent"), QStringLiteral("bulk")}});
        r = post("/api/v1/heartbeat/batch", QJsonDocument(big).toJson(QJsonDocument::Compact), m_ingest);
        QCOMPARE(r.status, 422);
        QVERIFY(r.body.contains("1000"));
        big.removeLast();
        r = post("/api/v1/heartbeat/batch", QJsonDocument(big).toJson(QJsonDocument::Compact), m_ingest);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("received")).toInt(), 1000);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 1004);
    }

    void status_paginationEdges()
    {
        start();
        QJsonArray beats;
        for (int i = 0; i < 5; ++i)
            beats.append(QJsonObject{{QStringLiteral("agent"), QStringLiteral("agent-%1").arg(i)}});
        QCOMPARE(post("/api/v1/heartbeat/batch", QJsonDocument(beats).toJson(), m_ingest).status, 200);

        auto names = [this](const QByteArray &query, int *total = nullptr) {
            const TestResponse r = get("/api/v1/status" + query, m_read);
            QStringList out;
            for (const QJsonValue &a : r.json().value(QStringLiteral("agents")).toArray())
                out << a.toObject().value(QStringLiteral("name")).toString();
            if (total)
                *total = r.json().value(QStringLiteral("total")).toInt();
            return out;
        };
        int total = 0;
        QCOMPARE(names("", &total).size(), 5);
        QCOMPARE(total, 5);
        QCOMPARE(names("?limit=2"), (QStringList{QStringLiteral("agent-0"), QStringLiteral("agent-1")}));
        QCOMPARE(names("?limit=2&offset=2"), (QStringList{QStringLiteral("agent-2"), QStringLiteral("agent-3")}));
        QCOMPARE(names("?limit=2&offset=4"), QStringList{QStringLiteral("agent-4")});
        QCOMPARE(names("?offset=5", &total), QStringList());
        QCOMPARE(total, 5);
        QCOMPARE(names("?limit=1000").size(), 5);
        for (const QByteArray bad : {"?limit=0", "?limit=1001", "?limit=abc", "?offset=-1"}) {
            const TestResponse r = get("/api/v1/status" + bad, m_read);
            QCOMPARE(r.status, 422);
        }

        // ?agent_id=: only those agents (unknown ids left out), `total` still counts all.
        AgentQueries q(m_server->database());
        const QByteArray ids = QByteArray::number(q.idOf(QStringLiteral("agent-3"))) + ',' +
                               QByteArray::number(q.idOf(QStringLiteral("agent-1"))) + ",99999";
        QCOMPARE(names("?agent_id=" + ids, &total),
                 (QStringList{QStringLiteral("agent-1"), QStringLiteral("agent-3")}));
        QCOMPARE(total, 5);
        QByteArray tooMany = "1";
        for (int i = 2; i <= 1001; ++i)
            tooMany += ',' + QByteArray::number(i);
        for (const QByteArray &bad : {QByteArray("?agent_id="), QByteArray("?agent_id=1,x"), QByteArray("?agent_id=0"),
                                      QByteArray("?agent_id=" + tooMany)}) {
            const TestResponse r = get("/api/v1/status" + bad, m_read);
            QCOMPARE(r.status, 422);
            QCOMPARE(r.json()
                         .value(QStringLiteral("detail"))
                         .toArray()
                         .first()
                         .toObject()
                         .value(QStringLiteral("field"))
                         .toString(),
                     QStringLiteral("agent_id"));
        }
    }

    void rateLimit_reachedThenRecovered()
    {
        start();
        QString error;
        const QByteArray limited =
            KeyStore(m_server->database()).create(QStringLiteral("slow"), ApiKey::Scope::Ingest, 3, 0, &error)->key;
        for (int i = 0; i < 3; ++i)
            QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), limited).status, 200);
        TestResponse r = post("/api/v1/heartbeat", J("{'agent':'a'}"), limited);
        QCOMPARE(r.status, 429);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("rate_limited"));
        QCOMPARE(r.header("retry-after"), QByteArray("20")); // one request per 20 s at 3/min
        QCOMPARE(r.header("ratelimit-limit"), QByteArray("3"));
        QCOMPARE(r.header("ratelimit-remaining"), QByteArray("0"));
        QVERIFY(r.header("ratelimit-reset").toInt() > 0);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), m_ingest).status, 200); // other keys are unaffected
        m_clock->advance(20'000);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), limited).status, 200);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), limited).status, 429);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 5);
    }

    void concurrentClients_allBeatsCommitted()
    {
        start();
        constexpr int Clients = 8;
        constexpr int Beats = 40;
        std::atomic<int> ok{0};
        std::vector<std::thread> threads;
        const quint16 port = m_server->port();
        for (int c = 0; c < Clients; ++c) {
            threads.emplace_back([&, c] {
                HttpTestClient http;
                if (!http.connectTo(port))
                    return;
                for (int i = 0; i < Beats; ++i) {
                    const QByteArray body =
                        QString::fromUtf8(J("{'agent':'worker-%1','tokens_used':10,'message':'%2'}"))
                            .arg(c)
                            .arg(i)
                            .toUtf8();
                    if (http.request("POST", "/api/v1/heartbeat", body, {{"X-API-Key", m_ingest}}).status == 200)
                        ok.fetch_add(1);
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(ok.load(), Clients * Beats);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), Clients * Beats);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM agents")), Clients);
        QCOMPARE(scalar(QStringLiteral("SELECT sum(tokens_used) FROM usage_rollups WHERE granularity = 86400")),
                 Clients * Beats * 10);
    }

    void strictMode_unknownAgent_403()
    {
        start([](ServerConfig &c) { c.writer.strict = true; });
        TestResponse r = post("/api/v1/heartbeat", J("{'agent':'rogue'}"), m_ingest);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("unknown_agent"));
        QVERIFY(r.json().value(QStringLiteral("detail")).toString().contains(u"rogue"));
        QString error;
        QVERIFY(AgentQueries(m_server->database()).add(QStringLiteral("rogue"), 0, &error));
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'rogue'}"), m_ingest).status, 200);
    }

    void storageLocked_503ThenRecovers()
    {
        start([](ServerConfig &c) { c.busyTimeoutMs = 150; });
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), m_ingest).status, 200);
        {
            QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("locker"));
            other.setDatabaseName(m_server->config().databasePath);
            QVERIFY(other.open());
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
            const TestResponse r = post("/api/v1/heartbeat", J("{'agent':'a'}"), m_ingest);
            QCOMPARE(r.status, 503);
            QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("storage_unavailable"));
            QCOMPARE(r.header("retry-after"), QByteArray("2"));
            QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
            other.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("locker"));
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), m_ingest).status, 200);
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 2);
    }

    // An admin write waits for the database off the I/O thread: while another process holds the write
    // lock, a settings PUT, an acknowledgement and a silence wait (on the watchdog's thread), and the
    // same single I/O thread meanwhile answers another client. Only then is the lock released, and the
    // writes succeed. (When the writes ran on the I/O thread, /healthz waited for them, and they failed
    // with 503 once the busy timeout passed with the lock still held.)
    void adminWrites_waitForTheDatabaseOffTheIoThread()
    {
        start([](ServerConfig &c) {
            c.busyTimeoutMs = 20'000;
            c.http.ioThreads = 1;
        });
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'a'}"), m_ingest).status, 200);
        QSqlDatabase other = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("admin-locker"));
        other.setDatabaseName(m_server->config().databasePath);
        QVERIFY(other.open());
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("BEGIN IMMEDIATE")));
        HttpTestClient writer;
        QVERIFY(writer.connectTo(m_server->port()));
        const QList<QPair<QByteArray, QByteArray>> admin{{"X-API-Key", m_admin}};
        writer.sendRaw(HttpTestClient::formatRequest("PUT", "/api/v1/agents/a/settings", J("{'interval':30}"), admin) +
                       HttpTestClient::formatRequest(
                           "POST", "/api/v1/silences",
                           J("{'pattern':'a*','until':'2099-01-01T00:00:00Z','comment':'maintenance'}"), admin));
        QTest::qWait(200); // both are waiting for the lock by now
        HttpTestClient other2;
        QVERIFY(other2.connectTo(m_server->port()));
        QElapsedTimer answered;
        answered.start();
        QCOMPARE(other2.request("GET", "/healthz").status, 200);
        qInfo("another client was answered in %lld ms while two admin writes waited for the database",
              static_cast<long long>(answered.elapsed()));
        QVERIFY(QSqlQuery(other).exec(QStringLiteral("ROLLBACK")));
        other.close();
        const auto settings = writer.readResponse();
        QVERIFY(settings);
        QCOMPARE(settings->status, 200);
        const auto silence = writer.readResponse();
        QVERIFY(silence);
        QCOMPARE(silence->status, 201);
        QSqlDatabase::removeDatabase(QStringLiteral("admin-locker"));
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM silences")), 1);
        QCOMPARE(scalar(QStringLiteral("SELECT interval_s FROM agent_settings")), 30);
    }

    // The read API for remote dashboards and its admin writes: agent detail, costs by day and hour,
    // silences, forgetting an agent, and HEAD on the event stream (a head, no stream).
    void remoteReadApi_detailCostsSilencesForget()
    {
        start();
        QCOMPARE(
            post("/api/v1/heartbeat", J("{'agent':'r','cost_usd':0.5,'input_tokens':100,'message':'one'}"), m_ingest)
                .status,
            200);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'r','cost_usd':0.25,'message':'two'}"), m_ingest).status, 200);
        TestResponse r = get("/api/v1/agents/r", m_read);
        QCOMPARE(r.status, 200);
        QJsonObject o = r.json();
        QCOMPARE(o.value(QStringLiteral("name")).toString(), QStringLiteral("r"));
        QCOMPARE(o.value(QStringLiteral("beats")).toArray().size(), 2);
        QCOMPARE(
            o.value(QStringLiteral("beats")).toArray().first().toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("two"));
        double dayTotal = 0;
        for (const QJsonValue &p : o.value(QStringLiteral("usage"))
                                       .toObject()
                                       .value(QStringLiteral("day"))
                                       .toObject()
                                       .value(QStringLiteral("points"))
                                       .toArray())
            dayTotal += p.toObject().value(QStringLiteral("cost_usd")).toDouble();
        QVERIFY(qFuzzyCompare(dayTotal, 0.75));
        // The breakdown by model: both beats named none; the first one's input tokens.
        const QJsonArray dayModels =
            o.value(QStringLiteral("models")).toObject().value(QStringLiteral("day")).toArray();
        QCOMPARE(dayModels.size(), 1);
        QCOMPARE(dayModels.first().toObject().value(QStringLiteral("model")).toString(), QString());
        QCOMPARE(dayModels.first().toObject().value(QStringLiteral("input_tokens")).toInteger(), 100);
        QVERIFY(qFuzzyCompare(dayModels.first().toObject().value(QStringLiteral("cost_usd")).toDouble(), 0.75));
        QCOMPARE(o.value(QStringLiteral("models")).toObject().value(QStringLiteral("month")).toArray().size(), 1);
        QVERIFY(o.value(QStringLiteral("cost_per_iteration_usd")).isNull()); // no iteration_count reported
        QCOMPARE(get("/api/v1/agents/nobody", m_read).status, 404);
        QCOMPARE(get("/api/v1/agents/r", m_ingest).status, 403); // ingest keys cannot read

        for (const QByteArray &query : {QByteArray("?bucket=day&days=7"), QByteArray("?bucket=hour&hours=2")}) {
            r = get("/api/v1/costs" + query, m_read);
            QCOMPARE(r.status, 200);
            const QJsonArray series = r.json().value(QStringLiteral("series")).toArray();
            QCOMPARE(series.size(), 1);
            QVERIFY(qFuzzyCompare(series.first().toObject().value(QStringLiteral("cost_usd")).toDouble(), 0.75));
        }
        QCOMPARE(get("/api/v1/costs?bucket=week", m_read).status, 422);

        const QByteArray until = QDateTime::currentDateTimeUtc().addSecs(3600).toString(Qt::ISODate).toUtf8();
        QCOMPARE(
            post("/api/v1/silences", "{\"pattern\":\"r*\",\"until\":\"" + until + "\",\"comment\":\"test\"}", m_read)
                .status,
            403);
        QCOMPARE(
            post("/api/v1/silences", "{\"pattern\":\"r*\",\"until\":\"" + until + "\",\"comment\":\"test\"}", m_admin)
                .status,
            201);
        QCOMPARE(post("/api/v1/silences", "{\"pattern\":\"r*\",\"until\":\"2001-01-01T00:00:00Z\"}", m_admin).status,
                 422);
        // No comment: a 422 that names the field (it passed the check and then failed as 503 before).
        for (const QByteArray &comment : {QByteArray(), QByteArray(",\"comment\":\"  \"")}) {
            const auto answer =
                post("/api/v1/silences", "{\"pattern\":\"r*\",\"until\":\"" + until + "\"" + comment + "}", m_admin);
            QCOMPARE(answer.status, 422);
            QVERIFY2(answer.body.contains("\"comment\""), answer.body.constData());
        }
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM silences WHERE pattern = 'r*'")), 1);

        // Settings over the API: admin only, checked, applied and shown in the detail.
        const auto put = [this](const QByteArray &body, const QByteArray &key) {
            return client().request("PUT", "/api/v1/agents/r/settings", body, {{"X-API-Key", key}}).status;
        };
        QCOMPARE(put(J("{'interval':30}"), m_read), 403);
        QCOMPARE(put(J("{'interval':0}"), m_admin), 422);
        QCOMPARE(put(J("{'restart_target':'process'}"), m_admin), 422);
        QCOMPARE(put(J("{'interval':30,'daily_budget_usd':2,'restart_target':'docker:auto'}"), m_admin), 200);
        const QJsonObject settings =
            get("/api/v1/agents/r", m_read).json().value(QStringLiteral("settings")).toObject();
        QCOMPARE(settings.value(QStringLiteral("interval")).toDouble(), 30.0);
        QCOMPARE(settings.value(QStringLiteral("daily_budget_usd")).toDouble(), 2.0);
        QCOMPARE(settings.value(QStringLiteral("restart_target")).toString(), QStringLiteral("docker:auto"));
        QCOMPARE(settings.value(QStringLiteral("grace")).type(), QJsonValue::Null);
        QCOMPARE(*m_server->watchdog().expectedIntervalOf(AgentQueries(m_server->database()).idOf(QStringLiteral("r"))),
                 30'000);

        // Wrong methods on the agent endpoints: 405 with Allow; an agent named like an action is an agent.
        TestResponse wrong = client().request("GET", "/api/v1/agents/r/settings", {}, {{"X-API-Key", m_admin}});
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("allow"), QByteArray("PUT"));
        wrong = client().request("PUT", "/api/v1/agents/r", "{}", {{"X-API-Key", m_admin}});
        QCOMPARE(wrong.status, 405);
        QCOMPARE(wrong.header("allow"), QByteArray("GET, DELETE"));
        QCOMPARE(get("/api/v1/agents/r/pause", m_admin).status, 405);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'pause'}"), m_ingest).status, 200);
        QCOMPARE(get("/api/v1/agents/pause", m_read).status, 200);
        QCOMPARE(get("/api/v1/agents/a/b", m_read).status, 404);

        const TestResponse head = client().request("HEAD", "/api/v1/events", {}, {{"X-API-Key", m_read}});
        QCOMPARE(head.status, 200);
        QVERIFY(head.header("content-type").startsWith("text/event-stream"));

        QCOMPARE(client().request("DELETE", "/api/v1/agents/r", {}, {{"X-API-Key", m_read}}).status, 403);
        QCOMPARE(client().request("DELETE", "/api/v1/agents/r", {}, {{"X-API-Key", m_admin}}).status, 200);
        QCOMPARE(get("/api/v1/agents/r", m_read).status, 404);
        // r's two beats are gone; only the agent named "pause" keeps its one.
        QCOMPARE(scalar(QStringLiteral("SELECT count(*) FROM heartbeats")), 1);
        QCOMPARE(scalar(QStringLiteral(
                     "SELECT count(*) FROM heartbeats h JOIN agents a ON a.id = h.agent_id WHERE a.name = 'pause'")),
                 1);
    }

    // /events: the head announces the keep-alive interval; a "usage" event names the agents that beat;
    // replayed after Last-Event-ID it says "all" instead (the ring does not keep the names).
    void events_usageNamesTheAgents_replayReadsAll()
    {
        start([](ServerConfig &c) { c.eventsKeepAliveMs = 700; });
        const auto open = [this](const QByteArray &lastEventId, HttpTestClient &c) {
            QList<QPair<QByteArray, QByteArray>> headers{{"X-API-Key", m_read}};
            if (!lastEventId.isEmpty())
                headers.append({"Last-Event-ID", lastEventId});
            QVERIFY(c.connectTo(m_server->port()));
            c.sendRaw(HttpTestClient::formatRequest("GET", "/api/v1/events", {}, headers));
        };
        // Reads the stream until `needle` arrives; returns everything read so far.
        const auto readUntil = [](HttpTestClient &c, const QByteArray &needle) {
            QByteArray got;
            QElapsedTimer t;
            t.start();
            while (!got.contains(needle) && t.elapsed() < 10'000) {
                c.socket().waitForReadyRead(200);
                got += c.socket().readAll();
            }
            return got;
        };
        HttpTestClient live;
        open({}, live);
        QByteArray head = readUntil(live, "event: hello");
        QVERIFY2(head.contains("X-Event-Keepalive-Ms: 700\r\n"), head.constData());
        const qsizetype idAt = head.indexOf("id: ") + 4;
        const QByteArray helloId = head.mid(idAt, head.indexOf('\n', idAt) - idAt);

        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'u1'}"), m_ingest).status, 200);
        QCOMPARE(post("/api/v1/heartbeat", J("{'agent':'u2'}"), m_ingest).status, 200);
        const QByteArray ids = QByteArray::number(AgentQueries(m_server->database()).idOf(QStringLiteral("u1"))) + ',' +
                               QByteArray::number(AgentQueries(m_server->database()).idOf(QStringLiteral("u2")));
        const QByteArray named = QByteArray("\"agent_ids\":[") + ids + ']';
        QByteArray stream = readUntil(live, named);
        QVERIFY2(stream.contains(named), stream.constData());
        QVERIFY(readUntil(live, ": keep-alive").contains(": keep-alive")); // within the announced interval

        HttpTestClient replay;
        open(helloId, replay);
        stream = readUntil(replay, "event: usage");
        QVERIFY2(stream.contains("event: usage\ndata: {\"all\":true"), stream.constData());
        QVERIFY(!stream.contains("agent_ids"));
    }

    void metrics_countWhatHappened()
    {
        start();
        post("/api/v1/heartbeat", J("{'agent':'a'}"), m_ingest);
        post("/api/v1/heartbeat", J("{'agent':'b','status':'error'}"), m_ingest);
        post("/api/v1/heartbeat", J("{'agent':''}"), m_ingest);
        post("/api/v1/heartbeat", J("{'agent':'a'}"), "cv_" + QByteArray(40, 'x'));
        const TestResponse r = get("/metrics", m_read);
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("content-type").startsWith("text/plain; version=0.0.4"));
        const QByteArray text = r.body;
        QVERIFY2(text.contains("\nclevagent_heartbeats_received_total 2\n"), text.constData());
        QVERIFY(text.contains("clevagent_heartbeats_rejected_total{reason=\"validation_error\"} 1\n"));
        QVERIFY(text.contains("clevagent_heartbeats_rejected_total{reason=\"unauthorized\"} 1\n"));
        QVERIFY(text.contains("clevagent_agents{state=\"healthy\"} 1\n"));
        QVERIFY(text.contains("clevagent_agents{state=\"error\"} 1\n"));
        QVERIFY(text.contains("clevagent_http_request_duration_seconds_count 4\n"));
        QVERIFY(text.contains("clevagent_http_request_duration_seconds_bucket{le=\"+Inf\"} 4\n"));
        QVERIFY(text.contains("# TYPE clevagent_http_request_duration_seconds histogram\n"));
    }
};

QTEST_GUILESS_MAIN(TestApi)
#include "TestApi.moc"
