#include "exportpicturedialog.h"

#include "export/figurefilename.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace conlab {

namespace {

QString windowText(TimeRange window)
{
    return ExportPictureDialog::tr("%1 s to %2 s").arg(window.begin, 0, 'f', 3).arg(window.end, 0, 'f', 3);
}

QSpinBox* sideBox(int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setRange(minFigureSide, maxFigureSide);
    box->setSingleStep(100);
    box->setValue(value);
    return box;
}

} // namespace

ExportPictureDialog::ExportPictureDialog(
    const Settings& initial, std::optional<TimeRange> zoomedWindow, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Export picture"));

    m_content = new QComboBox(this);
    for (FigureContent content : allFigureContents)
        m_content->addItem(figureContentLabel(content), int(content));
    m_content->setCurrentIndex(m_content->findData(int(initial.content)));

    m_format = new QComboBox(this);
    for (FigureFormat format : allFigureFormats)
        m_format->addItem(figureFormatLabel(format), int(format));
    m_format->setCurrentIndex(m_format->findData(int(initial.format)));
    m_format->setToolTip(tr("PNG for slides and the web; SVG and PDF stay sharp at any size"));

    m_scale = new QComboBox(this);
    for (int scale : figureScales)
        m_scale->addItem(tr("%1×").arg(scale), scale);
    m_scale->setCurrentIndex(std::max(0, m_scale->findData(initial.scale)));
    m_scale->setToolTip(tr("Pixels per logical pixel: 2× or 4× keep text and lines sharp on a projector or in print"));

    m_width = sideBox(initial.size.width(), this);
    m_height = sideBox(initial.size.height(), this);
    auto* sizeRow = new QHBoxLayout;
    sizeRow->addWidget(m_width);
    sizeRow->addWidget(new QLabel(tr("×"), this));
    sizeRow->addWidget(m_height);
    sizeRow->addWidget(new QLabel(tr("logical pixels"), this));
    sizeRow->addStretch(1);

    m_visibleOnly = new QCheckBox(this);
    if (zoomedWindow) {
        m_visibleOnly->setText(tr("Only the visible time window (%1)").arg(windowText(*zoomedWindow)));
        m_visibleOnly->setChecked(initial.visibleWindowOnly);
    } else {
        m_visibleOnly->setText(tr("Only the visible time window (not zoomed: the whole run is shown)"));
        m_visibleOnly->setChecked(false);
        m_visibleOnly->setEnabled(false);
    }

    m_path = new QLineEdit(QDir::toNativeSeparators(initial.path), this);
    m_path->setMinimumWidth(420);
    auto* browse = new QPushButton(tr("Browse…"), this);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    m_form = new QFormLayout;
    m_form->addRow(tr("&Show:"), m_content);
    m_form->addRow(tr("&Format:"), m_format);
    m_form->addRow(tr("S&cale:"), m_scale);
    m_form->addRow(tr("Si&ze:"), sizeRow);
    m_form->addRow(QString(), m_visibleOnly);
    m_form->addRow(tr("F&ile:"), pathRow);
    m_form->addRow(QString(), m_note);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportPictureDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportPictureDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportPictureDialog::onFormatChanged);
    connect(m_path, &QLineEdit::textChanged, this, &ExportPictureDialog::updateNote);
    connect(m_scale, &QComboBox::currentIndexChanged, this, &ExportPictureDialog::updateNote);
    for (QSpinBox* side : {m_width, m_height})
        connect(side, &QSpinBox::valueChanged, this, &ExportPictureDialog::updateNote);
    connect(browse, &QPushButton::clicked, this, &ExportPictureDialog::browse);
    m_scale->setEnabled(initial.format == FigureFormat::Png);
    updateNote();
}

void ExportPictureDialog::setContentChoiceShown(bool shown)
{
    m_form->setRowVisible(m_content, shown);
    m_form->setRowVisible(m_visibleOnly, shown);
}

ExportPictureDialog::Settings ExportPictureDialog::settings() const
{
    Settings settings;
    settings.content = static_cast<FigureContent>(m_content->currentData().toInt());
    settings.format = static_cast<FigureFormat>(m_format->currentData().toInt());
    settings.scale = m_scale->currentData().toInt();
    settings.size = QSize(m_width->value(), m_height->value());
    settings.visibleWindowOnly = m_visibleOnly->isEnabled() && m_visibleOnly->isChecked();
    settings.path = QDir::fromNativeSeparators(m_path->text().trimmed());
    return settings;
}

QString ExportPictureDialog::problem() const
{
    const Settings chosen = settings();
    if (chosen.path.isEmpty())
        return tr("Choose a file to save the picture in.");
    const QFileInfo info(chosen.path);
    const std::optional<FigureFormat> suffixFormat = figureFormatFromKey(info.suffix().toLower());
    if (suffixFormat && *suffixFormat != chosen.format) {
        return tr("The file name ends in .%1, but the format is %2: change one of them.")
            .arg(info.suffix(), figureFormatKey(chosen.format).toUpper());
    }
    if (chosen.format == FigureFormat::Png && isPngTooLarge(chosen.size, chosen.scale)) {
        return tr("At %1× this picture would be %2 × %3 pixels, more than a PNG may have here: choose a smaller "
                  "size or scale.")
            .arg(chosen.scale)
            .arg(chosen.size.width() * chosen.scale)
            .arg(chosen.size.height() * chosen.scale);
    }
    if (!info.absoluteDir().exists())
        return tr("There is no folder %1.").arg(QDir::toNativeSeparators(info.absolutePath()));
    return {};
}

void ExportPictureDialog::accept()
{
    // A bare name gets the format's suffix, so the file says what it is.
    const Settings chosen = settings();
    if (!chosen.path.isEmpty() && QFileInfo(chosen.path).suffix().isEmpty())
        m_path->setText(QDir::toNativeSeparators(withFigureSuffix(chosen.path, chosen.format)));
    if (!problem().isEmpty()) {
        updateNote();
        return;
    }
    QDialog::accept();
}

void ExportPictureDialog::onFormatChanged()
{
    const FigureFormat format = settings().format;
    m_scale->setEnabled(format == FigureFormat::Png);
    const QString path = m_path->text().trimmed();
    if (!path.isEmpty())
        m_path->setText(QDir::toNativeSeparators(withFigureSuffix(QDir::fromNativeSeparators(path), format)));
    updateNote();
}

void ExportPictureDialog::browse()
{
    const FigureFormat format = settings().format;
    auto* chooser = new QFileDialog(this, tr("Export picture"), settings().path);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setNameFilter(tr("%1 (*.%2)").arg(figureFormatLabel(format), figureFormatKey(format)));
    chooser->setDefaultSuffix(figureFormatKey(format));
    connect(chooser, &QFileDialog::fileSelected, this,
        [this](const QString& file) { m_path->setText(QDir::toNativeSeparators(file)); });
    chooser->open();
}

void ExportPictureDialog::updateNote()
{
    const QString issue = problem();
    QString note = issue;
    if (note.isEmpty() && QFileInfo::exists(settings().path))
        note = tr("The file exists and will be replaced.");
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
    m_note->setStyleSheet(issue.isEmpty() ? QString() : QStringLiteral("color: #b00000"));
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(issue.isEmpty());
}

} // namespace conlab
