#include "ui/export/exportpicturedialog.h"

#include "ui/export/figurefilename.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
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

QSpinBox* sideBox(const char* name, int value, QWidget* parent)
{
    auto* box = new QSpinBox(parent);
    box->setObjectName(QLatin1String(name));
    box->setRange(minFigureSide, maxFigureSide);
    box->setSingleStep(100);
    box->setValue(value);
    return box;
}

} // namespace

ExportPictureDialog::ExportPictureDialog(
    const Settings& initial, std::optional<TimeRange> zoomedWindow, QWidget* parent)
    : QDialog(parent)
    , m_zoomedWindow(zoomedWindow)
{
    m_content = new QComboBox(this);
    m_content->setObjectName(QStringLiteral("content"));
    for (FigureContent content : allFigureContents)
        m_content->addItem(QString(), int(content));
    m_content->setCurrentIndex(m_content->findData(int(initial.content)));

    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("format"));
    for (FigureFormat format : allFigureFormats)
        m_format->addItem(QString(), int(format));
    m_format->setCurrentIndex(m_format->findData(int(initial.format)));

    m_scale = new QComboBox(this);
    m_scale->setObjectName(QStringLiteral("scale"));
    for (int scale : figureScales)
        m_scale->addItem(QString(), scale);
    m_scale->setCurrentIndex(std::max(0, m_scale->findData(initial.scale)));

    m_width = sideBox("width", initial.size.width(), this);
    m_height = sideBox("height", initial.size.height(), this);
    auto* sizeRow = new QHBoxLayout;
    m_sizeRow = sizeRow;
    sizeRow->addWidget(m_width);
    m_times = new QLabel(this);
    sizeRow->addWidget(m_times);
    sizeRow->addWidget(m_height);
    m_pixels = new QLabel(this);
    sizeRow->addWidget(m_pixels);
    sizeRow->addStretch(1);

    m_visibleOnly = new QCheckBox(this);
    m_visibleOnly->setObjectName(QStringLiteral("visibleWindowOnly"));
    m_visibleOnly->setChecked(zoomedWindow && initial.visibleWindowOnly);
    m_visibleOnly->setEnabled(zoomedWindow.has_value());

    m_path = new QLineEdit(QDir::toNativeSeparators(initial.path), this);
    m_path->setObjectName(QStringLiteral("path"));
    m_path->setMinimumWidth(420);
    m_browse = new QPushButton(this);
    m_browse->setObjectName(QStringLiteral("browse"));
    auto* pathRow = new QHBoxLayout;
    m_pathRow = pathRow;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(m_browse);

    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);

    m_form = new QFormLayout;
    // Labels of their own, named in retranslateUi(): addRow() with an empty text would make none. Each is the
    // mnemonic's buddy of its field.
    const auto named = [this](QWidget* buddy) {
        auto* label = new QLabel(this);
        label->setBuddy(buddy);
        return label;
    };
    m_form->addRow(named(m_content), m_content);
    m_form->addRow(named(m_format), m_format);
    m_form->addRow(named(m_scale), m_scale);
    m_form->addRow(named(m_width), sizeRow);
    m_form->addRow(QString(), m_visibleOnly);
    m_form->addRow(named(m_path), pathRow);
    m_form->addRow(QString(), m_note);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
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
    connect(m_browse, &QPushButton::clicked, this, &ExportPictureDialog::browse);
    m_scale->setEnabled(initial.format == FigureFormat::Png);
    retranslateUi();
}

void ExportPictureDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExportPictureDialog::retranslateUi()
{
    setWindowTitle(tr("Export picture"));
    const auto setRowName = [this](QWidget* field, const QString& name) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field)))
            label->setText(name);
    };
    setRowName(m_content, tr("&Show:"));
    setRowName(m_format, tr("&Format:"));
    setRowName(m_scale, tr("S&cale:"));
    for (const auto& [row, name] : {std::pair(m_sizeRow, tr("Si&ze:")), std::pair(m_pathRow, tr("F&ile:"))}) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(row)))
            label->setText(name);
    }
    for (int i = 0; i < m_content->count(); ++i)
        m_content->setItemText(i, figureContentLabel(static_cast<FigureContent>(m_content->itemData(i).toInt())));
    for (int i = 0; i < m_format->count(); ++i)
        m_format->setItemText(i, figureFormatLabel(static_cast<FigureFormat>(m_format->itemData(i).toInt())));
    m_format->setToolTip(tr("PNG for slides and the web; SVG and PDF stay sharp at any size"));
    for (int i = 0; i < m_scale->count(); ++i)
        m_scale->setItemText(i, tr("%1×").arg(m_scale->itemData(i).toInt()));
    m_scale->setToolTip(tr("Pixels per logical pixel: 2× or 4× keep text and lines sharp on a projector or in print"));
    m_times->setText(tr("×"));
    m_pixels->setText(tr("logical pixels"));
    // The size's label names the row; a screen reader names each of its two fields.
    m_width->setAccessibleName(tr("Width in logical pixels"));
    m_height->setAccessibleName(tr("Height in logical pixels"));
    m_visibleOnly->setText(m_zoomedWindow ? tr("Only the visible time window (%1)").arg(windowText(*m_zoomedWindow))
                                          : tr("Only the visible time window (not zoomed: the whole run is shown)"));
    m_browse->setText(tr("Browse…"));
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
