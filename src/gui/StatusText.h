// SPDX-License-Identifier: MIT
#pragma once

#include <QLabel>

namespace clev {

// The one way dialogs show how an action went: the text, red for an error, green for success; an
// empty text hides the label.
enum class StatusKind { Info, Error, Success };

inline void showStatusText(QLabel *label, const QString &text, StatusKind kind)
{
    label->setText(text);
    label->setStyleSheet(kind == StatusKind::Error     ? QStringLiteral("color: #c62828;")
                         : kind == StatusKind::Success ? QStringLiteral("color: #2e7d32;")
                                                       : QString());
    label->setVisible(!text.isEmpty());
}

} // namespace clev
