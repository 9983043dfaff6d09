// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

// CSV as every export writes it (incidents from the API, the CLI and the desktop; the desktop's
// costs): RFC 4180 fields and CRLF rows, in one place.
namespace clev::Csv {

// One text field. Quoted (with quotes doubled) when it holds a comma, a quote, CR or LF. A field that
// a spreadsheet would take for a formula (it begins with = + - @, a tab or CR: an agent could be
// named `=cmd|' /C calc'!A0`) is neutralised with a leading apostrophe, which spreadsheets show as
// text (OWASP, "CSV injection"). Numbers the exports write themselves do not go through here.
QString field(const QString &value);

// Fields joined with commas, ended with CRLF, as UTF-8. Each is taken as it is: pass text through
// field() first.
QByteArray row(const QStringList &fields);

} // namespace clev::Csv
