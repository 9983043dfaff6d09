// SPDX-License-Identifier: MIT
// clevagent-server's configuration file (docs/CONFIG.md) through ServerConfigFile::parse, with a
// made-up environment for "env:" secrets. Checks that it either refuses with a message or gives a
// configuration within the documented ranges, and gives the same answer twice.
#include "engine/ServerConfigFile.h"

#include <cstdio>
#include <cstdlib>

using namespace clev;

namespace {

[[noreturn]] void fail(const char *what, const QString &detail = QString())
{
    std::fprintf(stderr, "fuzz_config_file: %s %s\n", what, qUtf8Printable(detail));
    std::abort();
}

void expect(bool condition, const char *what, const QString &detail = QString())
{
    if (!condition)
        fail(what, detail);
}

// Every variable whose name starts with CLEVAGENT_ is set; others are not.
QByteArray environment(const char *name)
{
    return qstrncmp(name, "CLEVAGENT_", 10) == 0 ? QByteArray("https://hooks.example.com/") + name : QByteArray();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray json(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    // "file:" secrets are read from disk: keep the fuzzer out of /proc, /sys and /dev (a read of
    // /proc/self/pagemap never ends) and away from escaped slashes that would hide them.
    if (json.contains("/proc") || json.contains("/sys") || json.contains("/dev") || json.contains("\\/") ||
        json.contains("\\u"))
        return 0;
    ServerConfig config;
    QString error;
    const bool ok = ServerConfigFile::parse(json, &config, &error, environment);
    expect(ok == error.isEmpty(), ok ? "accepted, with an error:" : "refused without a message", error);

    ServerConfig second;
    QString secondError;
    expect(ServerConfigFile::parse(json, &second, &secondError, environment) == ok && secondError == error,
           "a second parse answers differently:", secondError);
    if (!ok)
        return 0;

    expect(config.api.defaultRateLimitPerMin >= 1 && config.api.defaultRateLimitPerMin <= 10'000'000, "rate limit");
    expect(config.writer.rawRetentionDays >= 1 && config.writer.rawRetentionDays <= 3650 &&
               config.writer.rollupRetentionDays >= 1 && config.writer.rollupRetentionDays <= 3650,
           "retention");
    const LoopDetector::Options &loop = config.watchdog.loop;
    expect(loop.toolWarn >= 2 && loop.toolWarn <= loop.toolLoop && loop.toolLoop <= 1000 && loop.iterationCap >= 0,
           "loop thresholds");
    expect(config.alerts.repeatMinutes >= 0 && config.alerts.repeatMinutes <= 7 * 24 * 60, "repeat_minutes");
    QStringList names;
    for (const ChannelConfig &c : std::as_const(config.channels)) {
        expect(c.validate().isEmpty(), "an accepted channel that does not validate:", c.validate());
        expect(!names.contains(c.name), "two channels of one name:", c.name);
        names << c.name;
    }
    for (const WatchSpec &w : std::as_const(config.watches))
        expect(w.validate().isEmpty(), "an accepted watch that does not validate:", w.validate());
    for (auto it = config.restarts.cbegin(); it != config.restarts.cend(); ++it)
        expect(it->guard.maxRestarts >= 1 && it->guard.maxRestarts <= 1000 && it->guard.windowMs > 0 &&
                   it->guard.firstBackoffMs >= 0,
               "restart guard", it.key());
    return 0;
}
