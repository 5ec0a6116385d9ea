#include "figurewriter.h"

#include <QBuffer>
#include <QFileInfo>

namespace conlab {

FigureWriter::FigureWriter(QObject* parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

// Qt drops the results queued to this object once it is gone; waiting first means none is still being made.
FigureWriter::~FigureWriter()
{
    m_pool.waitForDone();
}

void FigureWriter::write(const RenderedFigure& figure, const QString& path)
{
    ++m_pending;
    m_pool.start([this, figure, path] {
        QString error;
        const bool ok = figure.write(path, &error);
        const qint64 bytes = ok ? QFileInfo(path).size() : 0;
        QMetaObject::invokeMethod(
            this,
            [this, ok, path, bytes, error] {
                --m_pending;
                if (ok)
                    emit written(path, bytes);
                else
                    emit failed(path, error);
            },
            Qt::QueuedConnection);
    });
}

void FigureWriter::encode(const RenderedFigure& figure)
{
    ++m_pending;
    m_pool.start([this, figure] {
        const QImage image = figure.image();
        QByteArray png;
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        QMetaObject::invokeMethod(
            this,
            [this, png, image] {
                --m_pending;
                emit encoded(png, image);
            },
            Qt::QueuedConnection);
    });
}

} // namespace conlab
