#include "ui/export/figurefilename.h"

#include "ui/window/modelpicker.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace conlab {

namespace {

// Letters, digits, dots and dashes only: the name must survive every file system and a shell without quoting.
QString tidy(QString text)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._-]+"));
    text.replace(unsafe, QStringLiteral("-"));
    while (text.startsWith(QLatin1Char('-')))
        text.remove(0, 1);
    while (text.endsWith(QLatin1Char('-')))
        text.chop(1);
    return text;
}

} // namespace

QString runFileStem(const CaptionFacts& facts)
{
    const std::optional<RunConfig> config = facts.summary ? std::optional(facts.summary->config) : facts.config;
    QString stem;
    if (config) {
        stem = QStringLiteral("conlab-%1-%2")
                   .arg(ModelChoice::fromConfig(*config).key(), workloadKey(config->workload.kind));
        if (facts.date.isValid())
            stem += QLatin1Char('-') + facts.date.toString(Qt::ISODate);
    } else {
        stem = QFileInfo(facts.traceName).completeBaseName();
    }
    stem = tidy(stem);
    return stem.isEmpty() ? QStringLiteral("conlab-figure") : stem;
}

QString seriesFileStem(const QString& series, const std::optional<RunConfig>& model, WorkloadKind kind, QDate date)
{
    QStringList parts {QStringLiteral("conlab"), series};
    if (model)
        parts << ModelChoice::fromConfig(*model).key();
    parts << workloadKey(kind);
    if (date.isValid())
        parts << date.toString(Qt::ISODate);
    return tidy(parts.join(QLatin1Char('-')));
}

QString figureFileName(const CaptionFacts& facts, FigureFormat format)
{
    return runFileStem(facts) + QLatin1Char('.') + figureFormatKey(format);
}

QString withFigureSuffix(const QString& path, FigureFormat format)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    QString stem = name;
    if (figureFormatFromKey(info.suffix().toLower()))
        stem.chop(info.suffix().size() + 1);
    if (stem.isEmpty())
        return path;
    const QString renamed = stem + QLatin1Char('.') + figureFormatKey(format);
    return path.left(path.size() - name.size()) + renamed;
}

} // namespace conlab
