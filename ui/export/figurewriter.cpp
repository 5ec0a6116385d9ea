#include "ui/export/figurewriter.h"

#include <QBuffer>
#include <QFileInfo>

namespace conlab {

FigureWriter::FigureWriter(QObject* parent)
    : QObject(parent)
    , m_jobs(this)
{
}

FigureWriter::~FigureWriter() = default;

void FigureWriter::write(const RenderedFigure& figure, const QString& path)
{
    struct Outcome
    {
        bool ok = false;
        qint64 bytes = 0;
        QString error;
    };
    m_jobs.post(
        [figure, path] {
            Outcome outcome;
            outcome.ok = figure.write(path, &outcome.error);
            outcome.bytes = outcome.ok ? QFileInfo(path).size() : 0;
            return outcome;
        },
        [this, path](const Outcome& outcome) {
            if (outcome.ok)
                emit written(path, outcome.bytes);
            else
                emit failed(path, outcome.error);
        });
}

void FigureWriter::encode(const RenderedFigure& figure)
{
    struct Encoded
    {
        QByteArray png;
        QImage image;
    };
    m_jobs.post(
        [figure] {
            Encoded result {QByteArray(), figure.image()};
            QBuffer buffer(&result.png);
            buffer.open(QIODevice::WriteOnly);
            result.image.save(&buffer, "PNG");
            return result;
        },
        [this](const Encoded& result) { emit encoded(result.png, result.image); });
}

} // namespace conlab
