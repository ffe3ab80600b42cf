#include "sampletablemodel.h"

#include <QLocale>
#include <cmath>

namespace {
QString percent(double value)
{
    return std::isnan(value) ? QString() : QString::number(100.0 * value, 'f', 1) + QLatin1Char('%');
}

QString duration(double seconds)
{
    if (std::isnan(seconds))
        return {};
    if (seconds < 3600)
        return QStringLiteral("%1 min").arg(seconds / 60, 0, 'f', 1);
    if (seconds < 2 * 86400)
        return QStringLiteral("%1 h").arg(seconds / 3600, 0, 'f', 1);
    return QStringLiteral("%1 d").arg(seconds / 86400, 0, 'f', 1);
}
}

SampleTableModel::SampleTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void SampleTableModel::setSamples(std::vector<SampleRow> samples)
{
    beginResetModel();
    m_samples = std::move(samples);
    endResetModel();
}

int SampleTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_samples.size());
}

int SampleTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SampleTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_samples.size()))
        return {};
    const SampleRow& s = m_samples[size_t(index.row())];
    if (role == SampleIdRole)
        return s.id;
    const bool sort = role == SortRole;
    if (role != Qt::DisplayRole && !sort && role != Qt::ToolTipRole)
        return {};
    auto number = [&](double value, const QString& text) { return sort ? QVariant(std::isnan(value) ? -1.0 : value) : QVariant(text); };
    switch (Column(index.column())) {
    case Program:
        return s.program.isEmpty() ? s.sampleId : s.program;
    case Tier:
        return s.tier;
    case Language:
        return s.language;
    case Model:
        return s.model;
    case Epoch:
        return s.epoch;
    case Solved:
        if (sort)
            return s.solved;
        return s.solved < 0 ? tr("unscored") : s.solved ? tr("solved") : tr("not solved");
    case Visible:
        return number(s.visiblePass, percent(s.visiblePass));
    case HeldOut:
        return number(s.heldOutPass, percent(s.heldOutPass));
    case Cost:
        return number(s.totalCost, std::isnan(s.totalCost) ? tr("no price") : QStringLiteral("$%1").arg(s.totalCost, 0, 'f', 2));
    case InputTokens:
        return sort ? QVariant(s.inputTokens) : QVariant(QLocale().toString(s.inputTokens));
    case OutputTokens:
        return sort ? QVariant(s.outputTokens) : QVariant(QLocale().toString(s.outputTokens));
    case Duration:
        return number(s.totalTime, duration(s.totalTime));
    case Limit:
        return s.limitType;
    case Error:
        return role == Qt::ToolTipRole ? s.error : s.error.left(80).simplified();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant SampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case Program:
        return tr("Program");
    case Tier:
        return tr("Tier");
    case Language:
        return tr("Language");
    case Model:
        return tr("Model");
    case Epoch:
        return tr("Epoch");
    case Solved:
        return tr("Outcome");
    case Visible:
        return tr("Visible tests");
    case HeldOut:
        return tr("Held-out tests");
    case Cost:
        return tr("Cost");
    case InputTokens:
        return tr("Input tokens");
    case OutputTokens:
        return tr("Output tokens");
    case Duration:
        return tr("Duration");
    case Limit:
        return tr("Limit hit");
    case Error:
        return tr("Error");
    case ColumnCount:
        break;
    }
    return {};
}

QString SampleTableModel::toCsv(const QModelIndexList& rows) const
{
    auto quote = [](QString cell) {
        if (cell.contains(QLatin1Char(',')) || cell.contains(QLatin1Char('"')) || cell.contains(QLatin1Char('\n')))
            cell = QLatin1Char('"') + cell.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
        return cell;
    };
    QStringList lines;
    QStringList header;
    for (int c = 0; c < ColumnCount; ++c)
        header << quote(headerData(c, Qt::Horizontal).toString());
    lines << header.join(QLatin1Char(','));
    for (const QModelIndex& row : rows) {
        QStringList cells;
        for (int c = 0; c < ColumnCount; ++c)
            cells << quote(data(index(row.row(), c)).toString());
        lines << cells.join(QLatin1Char(','));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
