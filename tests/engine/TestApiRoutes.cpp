// SPDX-License-Identifier: MIT
// The API's route table, walked route by route against a real server: every route's scope is enforced
// (401 without a key, 403 with one that lacks the scope), every answer that passed the rate check carries
// the rate limit headers (whatever its status: success, 4xx or 429), a path with a known pattern and
// another method is 405 with Allow, and an unknown path 404.
#include "core/ApiWire.h"
#include "core/Clock.h"
#include "engine/ApiService.h"
#include "engine/RestartManager.h"
#include "engine/ServerInstance.h"
#include "storage/Database.h"
#include "storage/KeyStore.h"
#include "support/HttpTestClient.h"
#include "support/TestEnv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace clev;
using clev::test::HttpTestClient;
using clev::test::TestDir;
using clev::test::TestResponse;

namespace {

const QList<QByteArray> RateHeaders{"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset", "x-key-scopes"};

// A concrete path for a pattern: {name} becomes `name` (percent-encoded), {id} becomes `id`.
QByteArray pathOf(const QByteArray &pattern, const QByteArray &name = "walker", const QByteArray &id = "1")
{
    QByteArray p = pattern;
    p.replace("{name}", QUrl::toPercentEncoding(QString::fromUtf8(name)));
    p.replace("{id}", id);
    return p;
}

// The method a request uses for a route. An admitted request for the event stream is sent as HEAD (the
// same admission, and the answer is its head only instead of a stream); a refused one as GET (the test
// client reads a HEAD answer's error body as missing).
QByteArray methodOf(const ApiService::RouteInfo &r, bool admitted = false)
{
    if (admitted && r.pattern == "/api/v1/events")
        return "HEAD";
    return r.method == "*" ? QByteArray("GET") : r.method;
}

const char *scopeName(ApiKey::Scope s)
{
    return s == ApiKey::Scope::Ingest ? "ingest" : s == ApiKey::Scope::Read ? "read" : "admin";
}

} // namespace

class TestApiRoutes : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ServerInstance> m_server;
    QHash<int, QByteArray> m_keys; // by scope
    int m_created = 0;

    TestResponse call(const QByteArray &method, const QByteArray &path, const QByteArray &key,
                      const QByteArray &body = {})
    {
        HttpTestClient c;
        if (!c.connectTo(m_server->port()))
            qFatal("cannot connect to the test server");
        QList<QPair<QByteArray, QByteArray>> headers;
        if (!key.isEmpty())
            headers.append({"X-API-Key", key});
        return c.request(method, path, body, headers);
    }

    QByteArray key(ApiKey::Scope scope, int ratePerMin = 0)
    {
        QString error;
        const auto created = KeyStore(m_server->database())
                                 .create(QStringLiteral("key %1").arg(++m_created), scope, ratePerMin, 0, &error);
        if (!created)
            qFatal("cannot create a key: %s", qPrintable(error));
        return created->key;
    }

    static void verifyRateHeaders(const TestResponse &r, const QByteArray &what)
    {
        for (const QByteArray &h : RateHeaders)
            QVERIFY2(!r.header(h).isEmpty(),
                     QByteArray(what + " (HTTP " + QByteArray::number(r.status) + ") lacks " + h).constData());
    }

    void start(const std::function<void(ServerConfig &)> &tweak = {})
    {
        m_server.reset();
        m_dir = std::make_unique<TestDir>();
        m_clock = std::make_unique<ManualClock>();
        ServerConfig config;
        config.databasePath = m_dir->file(QStringLiteral("routes.db"));
        config.http.port = 0;
        config.timeZone = QTimeZone::utc();
        if (tweak)
            tweak(config);
        m_server = std::make_unique<ServerInstance>(config, m_clock.get());
        QString error;
        if (!m_server->start(&error))
            qFatal("server did not start: %s", qPrintable(error));
        m_keys.clear();
        for (const ApiKey::Scope s : {ApiKey::Scope::Ingest, ApiKey::Scope::Read, ApiKey::Scope::Admin})
            m_keys.insert(int(s), key(s));
        QCOMPARE(call("POST", "/api/v1/heartbeat", m_keys.value(int(ApiKey::Scope::Ingest)), "{\"agent\":\"walker\"}")
                     .status,
                 200);
    }

    bool sql(const QString &statement)
    {
        QSqlQuery q(m_server->database().connection());
        return q.exec(statement);
    }

private Q_SLOTS:
    void init() { start(); }

    void cleanup()
    {
        m_server.reset();
        m_dir.reset();
    }

    void table_coversTheDocumentedEndpoints()
    {
        const QList<ApiService::RouteInfo> routes = ApiService::routes();
        QSet<QByteArray> seen;
        for (const auto &r : routes) {
            const QByteArray route = r.method + ' ' + r.pattern;
            QVERIFY2(!seen.contains(route), route.constData()); // no route twice
            seen.insert(route);
        }
        for (const char *expected :
             {"POST /api/v1/heartbeat", "POST /api/v1/heartbeat/batch", "GET /api/v1/status",
              "GET /api/v1/agents/{name}", "DELETE /api/v1/agents/{name}", "POST /api/v1/agents/{name}/pause",
              "POST /api/v1/agents/{name}/resume", "POST /api/v1/agents/{name}/restart",
              "POST /api/v1/agents/{name}/stop", "PUT /api/v1/agents/{name}/settings", "GET /api/v1/alerts",
              "POST /api/v1/alerts/{id}/ack", "GET /api/v1/alerts/{id}/notifications", "POST /api/v1/silences",
              "GET /api/v1/costs", "GET /api/v1/history", "GET /api/v1/events", "GET /metrics", "* /healthz"})
            QVERIFY2(seen.contains(expected), expected);
        QCOMPARE(seen.size(), 19);
    }

    // Without a key: 401 and no rate headers (the rate check comes after the key's).
    void everyRoute_withoutKey_is401()
    {
        for (const auto &r : ApiService::routes()) {
            const TestResponse resp = call(methodOf(r), pathOf(r.pattern), {});
            if (!r.scope) {
                QCOMPARE(resp.status, 200); // /healthz: open to all
                continue;
            }
            QVERIFY2(resp.status == 401, QByteArray(r.method + ' ' + r.pattern).constData());
            QVERIFY(resp.header("ratelimit-limit").isEmpty());
        }
    }

    // With a key that lacks the route's scope: 403, whatever the body or the agent.
    void everyRoute_keyWithoutTheScope_is403()
    {
        for (const auto &r : ApiService::routes()) {
            if (!r.scope)
                continue;
            for (const ApiKey::Scope held : {ApiKey::Scope::Ingest, ApiKey::Scope::Read}) {
                if (ApiKey::grants(held, *r.scope))
                    continue;
                const TestResponse resp = call(methodOf(r), pathOf(r.pattern), m_keys.value(int(held)), "{}");
                QVERIFY2(resp.status == 403, QByteArray(r.method + ' ' + r.pattern + " with a " + scopeName(held) +
                                                        " key: " + QByteArray::number(resp.status))
                                                 .constData());
                QCOMPARE(resp.json().value(QStringLiteral("error")).toString(), QStringLiteral("forbidden"));
            }
        }
    }

    // With the route's own scope: admitted, and every answer carries the rate headers, for good and bad
    // requests alike (an unknown agent, a broken body, a body of the wrong shape).
    void everyRoute_admitted_answersCarryRateHeaders()
    {
        const QList<QByteArray> bodies{"{}", "{", "[1]", "{\"agent\":\"walker\",\"until\":\"x\"}"};
        for (const auto &r : ApiService::routes()) {
            if (!r.scope)
                continue;
            const QByteArray key = m_keys.value(int(*r.scope));
            for (const QByteArray &name : {QByteArray("nobody"), QByteArray("walker")}) {
                for (const QByteArray &body : bodies) {
                    const TestResponse resp = call(methodOf(r, true), pathOf(r.pattern, name, "x"), key, body);
                    const QByteArray what = QByteArray(r.method + ' ' + r.pattern + " (" + name + ", " + body + ")");
                    QVERIFY2(resp.status != 401 && resp.status != 403 && resp.status != 405, what.constData());
                    verifyRateHeaders(resp, what);
                    QCOMPARE(resp.header("x-key-scopes"), QByteArray(scopeName(*r.scope)));
                }
            }
        }
    }

    // Past the limit: 429, with the rate headers and Retry-After, on every route.
    void everyRoute_rateLimited_is429WithHeaders()
    {
        for (const auto &r : ApiService::routes()) {
            if (!r.scope)
                continue;
            const QByteArray limited = key(*r.scope, 1);
            const TestResponse first = call(methodOf(r, true), pathOf(r.pattern), limited, "{}");
            verifyRateHeaders(first, QByteArray("first " + r.pattern));
            QCOMPARE(first.header("ratelimit-remaining"), QByteArray("0"));
            const TestResponse second = call(methodOf(r), pathOf(r.pattern), limited, "{}");
            QVERIFY2(second.status == 429, QByteArray(r.method + ' ' + r.pattern).constData());
            verifyRateHeaders(second, QByteArray("429 " + r.pattern));
            QVERIFY(!second.header("retry-after").isEmpty());
        }
    }

    // A known path with another method: 405 naming every method of that path; GET routes serve HEAD.
    void everyPattern_otherMethod_is405WithAllow()
    {
        QMap<QByteArray, QList<QByteArray>> methods;
        for (const auto &r : ApiService::routes())
            methods[r.pattern].append(r.method);
        for (auto it = methods.cbegin(); it != methods.cend(); ++it) {
            if (it->contains("*"))
                continue;
            const TestResponse resp = call("PATCH", pathOf(it.key()), m_keys.value(int(ApiKey::Scope::Admin)), "{}");
            QVERIFY2(resp.status == 405, it.key().constData());
            QCOMPARE(resp.header("allow"), it->join(", "));
            QCOMPARE(resp.json().value(QStringLiteral("error")).toString(), QStringLiteral("method_not_allowed"));
        }
        QCOMPARE(call("GET", "/api/v1/agents/walker", m_keys.value(int(ApiKey::Scope::Read))).status, 200);
        QCOMPARE(call("PUT", "/api/v1/agents/walker", m_keys.value(int(ApiKey::Scope::Admin))).header("allow"),
                 QByteArray("GET, DELETE"));
        // A trailing slash is the same path.
        QCOMPARE(call("GET", "/api/v1/status/", m_keys.value(int(ApiKey::Scope::Read))).status, 200);
    }

    void unknownPaths_are404()
    {
        const QByteArray admin = m_keys.value(int(ApiKey::Scope::Admin));
        for (const QByteArray &path :
             {QByteArray("/api/v1/nothing"), QByteArray("/api/v1/agents"), QByteArray("/api/v1/agents/walker/jump"),
              QByteArray("/api/v1/agents//pause"), QByteArray("/api/v1/agents/a/b/pause"),
              QByteArray("/api/v1/alerts//ack"), QByteArray("/")}) {
            const TestResponse resp = call("POST", path, admin, "{}");
            QVERIFY2(resp.status == 404, path.constData());
            QCOMPARE(resp.json().value(QStringLiteral("error")).toString(), QStringLiteral("not_found"));
        }
    }

    // A name with a slash travels as %2F and reaches the agent of that name; fixed segments may be
    // percent-encoded too.
    void rawPath_segmentsDecodedOneByOne()
    {
        QCOMPARE(call("POST", "/api/v1/heartbeat", m_keys.value(int(ApiKey::Scope::Ingest)), "{\"agent\":\"team/bot\"}")
                     .status,
                 200);
        const TestResponse detail = call("GET", "/api/v1/agents/team%2Fbot", m_keys.value(int(ApiKey::Scope::Read)));
        QCOMPARE(detail.status, 200);
        QCOMPARE(detail.json().value(QStringLiteral("name")).toString(), QStringLiteral("team/bot"));
        QCOMPARE(call("POST", "/api/v1/agents/team%2Fbot/pause", m_keys.value(int(ApiKey::Scope::Admin)), "{}").status,
                 200);
        QCOMPARE(call("GET", "/api/v1/st%61tus", m_keys.value(int(ApiKey::Scope::Read))).status, 200);
    }
    // A read that fails is a 503 with the API's error shape, never a 200 with parts left empty.
    void agentDetail_readFailure_is503()
    {
        const QByteArray read = m_keys.value(int(ApiKey::Scope::Read));
        QCOMPARE(call("GET", "/api/v1/agents/walker", read).status, 200);
        for (const QString &table :
             {QStringLiteral("state_changes"), QStringLiteral("heartbeats"), QStringLiteral("usage_rollups"),
              QStringLiteral("incidents"), QStringLiteral("agent_settings")}) {
            QVERIFY(sql(QStringLiteral("ALTER TABLE %1 RENAME TO away").arg(table)));
            const TestResponse r = call("GET", "/api/v1/agents/walker", read);
            QVERIFY(sql(QStringLiteral("ALTER TABLE away RENAME TO %1").arg(table)));
            QVERIFY2(r.status == 503, qPrintable(table));
            QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("storage_unavailable"));
            QCOMPARE(r.header("retry-after"), QByteArray("2"));
            verifyRateHeaders(r, "detail without " + table.toUtf8());
            QCOMPARE(call("GET", "/api/v1/agents/walker", read).status, 200);
        }
    }

    // Acknowledging: an alert that is not there is a 404; a database that cannot answer is a 503 (it
    // was a 404 with the database's error as its text).
    void acknowledge_missingIs404_storageFailureIs503()
    {
        const QByteArray admin = m_keys.value(int(ApiKey::Scope::Admin));
        TestResponse r = call("POST", "/api/v1/alerts/999/ack", admin);
        QCOMPARE(r.status, 404);
        QVERIFY(sql(QStringLiteral("ALTER TABLE incidents RENAME TO away")));
        r = call("POST", "/api/v1/alerts/999/ack", admin);
        QVERIFY(sql(QStringLiteral("ALTER TABLE away RENAME TO incidents")));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("storage_unavailable"));
        verifyRateHeaders(r, "acknowledge without incidents");
    }

    // How an alert's notifications went: one entry per channel with its outcome; an alert that is not there
    // is a 404, and a database that cannot answer a 503.
    void alertNotifications_perChannel_missingIs404_storageFailureIs503()
    {
        const QByteArray read = m_keys.value(int(ApiKey::Scope::Read));
        QVERIFY(sql(QStringLiteral("INSERT INTO incidents(id, agent_id, kind, opened_at, summary) SELECT 7, id, 'dead',"
                                   " 1000, 'dead' FROM agents WHERE name = 'walker'")));
        QVERIFY(sql(QStringLiteral("INSERT INTO outbox(incident_id, channel, payload, idempotency_key, created_at,"
                                   " attempts, next_attempt_at, sent_at) VALUES (7, 'ops-slack', '{}', 'a', 2000, 1,"
                                   " 2000, 3000)")));
        QVERIFY(sql(QStringLiteral("INSERT INTO outbox(incident_id, channel, payload, idempotency_key, created_at,"
                                   " attempts, next_attempt_at, failed_at, last_error) VALUES (7, 'mail', '{}', 'b',"
                                   " 2000, 5, 2000, 4000, 'the receiver answered HTTP 500')")));
        TestResponse r = call("GET", "/api/v1/alerts/7/notifications", read);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("alert_id")).toInt(), 7);
        const QJsonArray list = r.json().value(QStringLiteral("notifications")).toArray();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("channel")).toString(), QStringLiteral("ops-slack"));
        QCOMPARE(list.at(0).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("sent"));
        QVERIFY(list.at(0).toObject().value(QStringLiteral("last_error")).isNull());
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("attempts")).toInt(), 5);
        QCOMPARE(list.at(1).toObject().value(QStringLiteral("last_error")).toString(),
                 QStringLiteral("the receiver answered HTTP 500"));
        // The desktop decodes it with the same code.
        const QList<Delivery> decoded = ApiWire::deliveries(r.json());
        QCOMPARE(decoded.size(), 2);
        QCOMPARE(decoded.at(0).sentAtMs, 3000);
        QCOMPARE(decoded.at(1).failedAtMs, 4000);
        QCOMPARE(decoded.at(1).createdAtMs, 2000);

        QCOMPARE(call("GET", "/api/v1/alerts/8/notifications", read).status, 404);
        QCOMPARE(call("GET", "/api/v1/alerts/x/notifications", read).status, 404);
        QVERIFY(sql(QStringLiteral("ALTER TABLE outbox RENAME TO away")));
        r = call("GET", "/api/v1/alerts/7/notifications", read);
        QVERIFY(sql(QStringLiteral("ALTER TABLE away RENAME TO outbox")));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("storage_unavailable"));
        verifyRateHeaders(r, "notifications without the outbox");
    }

    // Settings are stored, but a restart target that cannot be applied (the agent is a supervised
    // process) is not passed over in silence: 409, saying so.
    void settings_targetNotApplied_isReported()
    {
        start([](ServerConfig &c) {
            RestartManager::Policy p;
            p.target.kind = RestartTarget::Kind::Process;
            p.process.command = QStringLiteral("sleep 30");
            p.process.stopTimeoutMs = 2000;
            c.restarts.insert(QStringLiteral("walker"), p);
        });
        const QByteArray admin = m_keys.value(int(ApiKey::Scope::Admin));
        const TestResponse r = call("PUT", "/api/v1/agents/walker/settings", admin,
                                    "{\"interval\":30,\"restart_target\":\"docker:walker\"}");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.json().value(QStringLiteral("error")).toString(), QStringLiteral("not_possible"));
        QVERIFY2(r.json().value(QStringLiteral("detail")).toString().contains(QStringLiteral("supervised process")),
                 qPrintable(r.json().value(QStringLiteral("detail")).toString()));
        verifyRateHeaders(r, "settings 409");
        // Without a target the same settings are applied whole.
        QCOMPARE(call("PUT", "/api/v1/agents/walker/settings", admin, "{\"interval\":30}").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "TestApiRoutes.moc"
