// SPDX-License-Identifier: MIT
// Renders an SVG icon to a square image of the given size: PNGs for the hicolor theme sizes the Linux
// packages install, an .ico for Windows and an .icns for macOS (the format follows the file name,
// through Qt's image plugins). clev_render_icon in.svg SIZE out.png. Offscreen; no display needed.
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    bool sizeOk = false;
    const int size = args.value(2).toInt(&sizeOk);
    if (args.size() != 4 || !sizeOk || size < 8 || size > 1024) {
        std::fprintf(stderr, "usage: clev_render_icon in.svg SIZE out.png|.ico|.icns (SIZE 8..1024)\n");
        return 2;
    }
    QSvgRenderer svg(args.at(1));
    if (!svg.isValid()) {
        std::fprintf(stderr, "clev_render_icon: cannot read %s as SVG\n", qPrintable(args.at(1)));
        return 1;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    if (!image.save(args.at(3))) {
        std::fprintf(stderr, "clev_render_icon: cannot write %s\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
