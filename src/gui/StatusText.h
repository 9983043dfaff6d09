// SPDX-License-Identifier: MIT
#pragma once

#include "gui/Theme.h"

#include <QLabel>

namespace clev {

// The one way dialogs show how an action went: the text, red for an error, green for success; an
// empty text hides the label. The colours suit the label's palette (light or dark theme).
enum class StatusKind { Info, Error, Success };

inline void showStatusText(QLabel *label, const QString &text, StatusKind kind)
{
    label->setText(text);
    const QPalette palette = label->palette();
    label->setStyleSheet(
        kind == StatusKind::Error     ? QStringLiteral("color: %1;").arg(theme::errorColour(palette).name())
        : kind == StatusKind::Success ? QStringLiteral("color: %1;").arg(theme::successColour(palette).name())
                                      : QString());
    label->setVisible(!text.isEmpty());
}

} // namespace clev
