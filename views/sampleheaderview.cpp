// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "sampleheaderview.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextDocument>
#include <QVBoxLayout>

namespace {
/// Longer parts of the identity are cut here, the whole in the tooltip: a task or model name of any length keeps
/// the header to a few lines.
constexpr int longestPart = 60;

/// `text` as one unit of the header: escaped, its spaces unbreakable, so that lines break between facts only.
QString unit(const QString& text)
{
    return text.toHtmlEscaped().replace(QLatin1Char(' '), QChar(0x00A0));
}

QString cut(const QString& text)
{
    return text.size() > longestPart ? text.left(longestPart - 1) + QChar(0x2026) : text;
}

QString toneColour(SampleHeader::Fact::Tone tone)
{
    // The colour-blind safe pair of the plots: bluish green for good news, vermillion for bad.
    switch (tone) {
    case SampleHeader::Fact::Tone::Good:
        return QStringLiteral("#009E73");
    case SampleHeader::Fact::Tone::Bad:
        return QStringLiteral("#D55E00");
    case SampleHeader::Fact::Tone::Plain:
        break;
    }
    return {};
}
}

SampleHeaderView::SampleHeaderView(const SampleHeader& header, QWidget* parent)
    : QWidget(parent)
    , m_header(header)
    , m_label(new QLabel(this))
{
    m_label->setTextFormat(Qt::RichText);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    // The label wraps to any width: it never holds its window wider than the rest of the view.
    m_label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    m_label->setText(markup());
    QStringList whole = m_header.identity();
    if (!m_header.error().isEmpty())
        whole << m_header.error().left(2000);
    m_label->setToolTip(whole.join(QLatin1Char('\n')));
    connect(m_label, &QLabel::linkActivated, this, [this] { showTraceback(); });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_label);
}

QString SampleHeaderView::markup() const
{
    if (!m_header.isValid())
        return tr("<b>No such sample in this store.</b>");
    QStringList identity;
    for (const QString& part : m_header.identity())
        identity << unit(cut(part));
    QString html = QStringLiteral("<b>") + identity.join(QStringLiteral(" \u00b7 ")) + QStringLiteral("</b><br>");
    QStringList facts;
    for (const SampleHeader::Fact& fact : m_header.facts()) {
        const bool error = fact.isError;
        // An error's message may be long: it wraps at its spaces; the other facts never break.
        QString value = error ? fact.value.toHtmlEscaped() : unit(fact.value);
        if (const QString colour = toneColour(fact.tone); !colour.isEmpty())
            value = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>").arg(colour, value);
        QString item = unit(fact.label + QLatin1Char(':')) + QChar(0x00A0) + value;
        if (error)
            item += QChar(0x00A0) + QStringLiteral("<a href=\"traceback\">%1</a>").arg(unit(tr("Traceback\u2026")));
        facts << item;
    }
    return html + facts.join(QStringLiteral(" &nbsp; "));
}

QString SampleHeaderView::text() const
{
    QTextDocument document;
    document.setHtml(m_label->text());
    return document.toPlainText().replace(QChar(0x00A0), QLatin1Char(' '));
}

QDialog* SampleHeaderView::showTraceback()
{
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Error of %1").arg(m_header.identity().join(QStringLiteral(", "))));
    auto* text = new QPlainTextEdit(dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    const QString traceback = m_header.traceback();
    text->setPlainText(m_header.error() + QStringLiteral("\n\n")
        + (traceback.isEmpty() ? tr("The log holds no traceback for this error.") : traceback));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QPushButton* copy = buttons->addButton(tr("Copy"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, text, [text] { QApplication::clipboard()->setText(text->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog->resize(800, 400);
    dialog->show();
    return dialog;
}
