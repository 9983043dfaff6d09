// SPDX-License-Identifier: MIT
#include "core/Csv.h"

namespace clev::Csv {

QString field(const QString &value)
{
    QString v = value;
    if (!v.isEmpty()) {
        const QChar first = v.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r')
            v.prepend(u'\'');
    }
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\n') || v.contains(u'\r')) {
        v.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        v = u'"' + v + u'"';
    }
    return v;
}

QByteArray row(const QStringList &fields)
{
    return (fields.join(u',') + QStringLiteral("\r\n")).toUtf8();
}

} // namespace clev::Csv
