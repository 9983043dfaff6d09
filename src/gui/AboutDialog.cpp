// SPDX-License-Identifier: MIT
#include "gui/AboutDialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QIcon>
#include <QKeySequence>
#include <QLabel>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace clev {

namespace {

QString installedDocDir()
{
    const QDir doc(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/clevagent-desktop"));
    return doc.exists() ? doc.canonicalPath() : QString();
}

QString link(const QUrl &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>")
        .arg(url.toString(QUrl::FullyEncoded).toHtmlEscaped(), text.toHtmlEscaped());
}

} // namespace

QUrl AboutDialog::documentationUrl()
{
    const QString doc = installedDocDir();
    return doc.isEmpty() ? QUrl(QStringLiteral("https://clevagent.io/docs")) : QUrl::fromLocalFile(doc);
}

QUrl AboutDialog::licenseUrl()
{
    const QString doc = installedDocDir();
    return doc.isEmpty() ? QUrl(QStringLiteral("https://clevagent.io/license"))
                         : QUrl::fromLocalFile(doc + QStringLiteral("/copyright"));
}

AboutDialog::AboutDialog(const QString &dataFolder, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About ClevAgent"));
    setMinimumWidth(460); // the title bar and the summary in one or two lines, in every language
    auto *layout = new QVBoxLayout(this);

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/clevagent/icons/clevagent.svg")).pixmap(64, 64));
    icon->setAlignment(Qt::AlignHCenter);
    layout->addWidget(icon);

    auto *title = new QLabel(QStringLiteral("<h2>ClevAgent %1</h2>").arg(QStringLiteral(CLEV_VERSION)), this);
    title->setObjectName(QStringLiteral("aboutTitle"));
    title->setAlignment(Qt::AlignHCenter);
    layout->addWidget(title);
    auto *summary = new QLabel(tr("A local monitor for AI agents: heartbeats, crashes, loops and spending."), this);
    summary->setAlignment(Qt::AlignHCenter);
    summary->setWordWrap(true);
    layout->addWidget(summary);

    const QString qtVersions =
        QString::fromLatin1(qVersion()) == QStringLiteral(QT_VERSION_STR)
            ? QString::fromLatin1(qVersion())
            : tr("%1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    const QString rows =
        QStringLiteral("<table cellspacing=\"6\">"
                       "<tr><td>%1</td><td>%2</td></tr>"
                       "<tr><td>%3</td><td>%4</td></tr>"
                       "<tr><td>%5</td><td>%6</td></tr>"
                       "<tr><td>%7</td><td>%8</td></tr></table>")
            .arg(tr("License:"), link(licenseUrl(), QStringLiteral("MIT")), tr("Qt version:"),
                 qtVersions.toHtmlEscaped(), tr("Data folder:"),
                 link(QUrl::fromLocalFile(dataFolder), QDir::toNativeSeparators(dataFolder)), tr("Documentation:"),
                 link(documentationUrl(), documentationUrl().isLocalFile()
                                              ? QDir::toNativeSeparators(documentationUrl().toLocalFile())
                                              : documentationUrl().toString()));
    auto *details = new QLabel(rows, this);
    details->setObjectName(QStringLiteral("aboutDetails"));
    details->setTextFormat(Qt::RichText);
    details->setTextInteractionFlags(Qt::TextBrowserInteraction);
    details->setOpenExternalLinks(true);
    layout->addWidget(details);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QList<QPair<QString, QString>> ShortcutsDialog::shortcuts(QWidget *window)
{
    QList<QPair<QString, QString>> rows;
    const auto actions = window->findChildren<QAction *>();
    for (const QAction *action : actions) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        QString text = action->text();
        text.remove(QRegularExpression(QStringLiteral("&(?!&)"))).replace(QStringLiteral("&&"), QStringLiteral("&"));
        text.remove(u'…');
        rows.append(qMakePair(text.trimmed(), action->shortcut().toString(QKeySequence::NativeText)));
    }
    std::sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    return rows;
}

ShortcutsDialog::ShortcutsDialog(QWidget *window, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard shortcuts"));
    setMinimumSize(420, 320);
    auto *layout = new QVBoxLayout(this);
    auto *table = new QTableWidget(this);
    table->setObjectName(QStringLiteral("shortcutsTableWidget"));
    table->setAccessibleName(tr("Keyboard shortcuts"));
    table->setColumnCount(2);
    table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    const auto rows = shortcuts(window);
    table->setRowCount(static_cast<int>(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        table->setItem(r, 0, new QTableWidgetItem(rows.at(r).first));
        table->setItem(r, 1, new QTableWidgetItem(rows.at(r).second));
    }
    table->resizeColumnsToContents();
    layout->addWidget(table);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

} // namespace clev
