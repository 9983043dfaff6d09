// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <QUrl>

namespace clev {

// Help → About ClevAgent: the version, the license, the Qt version it was built with and runs on,
// the data folder (the database and settings) and where the documentation is, each a link.
class AboutDialog final : public QDialog
{
    Q_OBJECT

public:
    AboutDialog(const QString &dataFolder, QWidget *parent = nullptr);

    // The documentation shipped with the installed package (…/share/doc/clevagent-desktop beside the
    // program's bin folder), else the project's web site.
    static QUrl documentationUrl();
    // The license text: the package's copyright file, else the web site's.
    static QUrl licenseUrl();
};

// Help → Keyboard shortcuts: every shortcut of `window`'s actions (menus and the window's own), with
// what it does.
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ShortcutsDialog(QWidget *window, QWidget *parent = nullptr);
    // What the dialog lists: the action's text (without its & mnemonic) and its keys, in native text.
    static QList<QPair<QString, QString>> shortcuts(QWidget *window);
};

} // namespace clev
