#pragma once

#include "core/util/jobqueue.h"
#include "ui/export/renderedfigure.h"

#include <QByteArray>
#include <QImage>
#include <QObject>
#include <QString>

namespace conlab {

// Finishes rendered figures off the UI thread (a JobQueue): draws a PNG's pixels, encodes and writes the files, one at
// a time and in the order asked (two quick saves to one file end with the second). Results come back as signals in
// this object's thread. The destructor waits for what is under way, so a picture asked for is never half-written or
// lost on quit.
class FigureWriter : public QObject
{
    Q_OBJECT
public:
    explicit FigureWriter(QObject* parent = nullptr);
    ~FigureWriter() override;

    // Writes figure to path atomically (RenderedFigure::write); written() or failed() follows.
    void write(const RenderedFigure& figure, const QString& path);
    // Encodes a PNG figure into the bytes of its file, for the clipboard; encoded() follows.
    void encode(const RenderedFigure& figure);
    // Jobs asked for whose signal has not been emitted yet.
    int pending() const { return m_jobs.pending(); }

signals:
    void written(const QString& path, qint64 bytes);
    void failed(const QString& path, const QString& error);
    void encoded(const QByteArray& png, const QImage& image);

private:
    JobQueue m_jobs;
};

} // namespace conlab
