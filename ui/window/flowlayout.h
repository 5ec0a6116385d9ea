#pragma once

#include <QLayout>
#include <QList>

namespace conlab {

// Items side by side, left to right, wrapping onto as many rows as the width needs: the window's controls fit a
// 1024-pixel projector in presenter mode's large fonts and take one row on a wide screen. Its minimum width is its
// widest item's, its height follows the width (heightForWidth), as in Qt's flow layout example.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget* parent = nullptr, int spacing = 4);
    ~FlowLayout() override;

    void addItem(QLayoutItem* item) override;
    int count() const override;
    QLayoutItem* itemAt(int index) const override;
    QLayoutItem* takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect& rect) override;

    // How many rows the items take at the layout's present width.
    int rowCount() const { return m_rows; }

private:
    // Places the items in rect (or only measures, when apply is false); returns the height used.
    int layOut(const QRect& rect, bool apply) const;

    QList<QLayoutItem*> m_items;
    mutable int m_rows = 1;
};

} // namespace conlab
