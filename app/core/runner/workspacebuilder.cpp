// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "workspacebuilder.h"

#include "json/jsonvalues.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>

WorkspaceBuilder::WorkspaceBuilder(std::vector<ToolCall> calls, AttachmentResolver resolve)
    : m_calls(std::move(calls))
    , m_resolve(std::move(resolve))
{
}

int WorkspaceBuilder::uncertainSteps() const
{
    return int(std::count_if(m_steps.begin(), m_steps.end(),
        [](const WorkspaceStep& step) { return step.kind == WorkspaceStep::Uncertain; }));
}

QString WorkspaceBuilder::resolveAttachments(const QString& text)
{
    if (!m_resolve || (!text.startsWith(QLatin1String("attachment://")) && !text.startsWith(QLatin1String("tc://"))))
        return text;
    return m_resolve(text);
}

QString WorkspaceBuilder::defaultRoot()
{
    // The deepest folder that holds every path the agent edited.
    QStringList common;
    bool first = true;
    for (const ToolCall& call : m_calls) {
        rapidjson::Document arguments;
        if (call.function != QLatin1String("text_editor")
            || !parseJson(arguments, call.argumentsJson.constData(), size_t(call.argumentsJson.size())))
            continue;
        const QString path = QDir::cleanPath(stringOf(member(arguments, "path")));
        // System folders are never the agent's workspace: an edit there must not widen the root.
        static const QStringList system { QStringLiteral("/etc/"), QStringLiteral("/usr/"), QStringLiteral("/bin/"),
            QStringLiteral("/lib"), QStringLiteral("/proc/"), QStringLiteral("/sys/"), QStringLiteral("/dev/"),
            QStringLiteral("/var/"), QStringLiteral("/boot/"), QStringLiteral("/sbin/") };
        if (!path.startsWith(QLatin1Char('/')) || std::any_of(system.begin(), system.end(), [&](const QString& prefix) {
                return path.startsWith(prefix);
            }))
            continue;
        QStringList parts = path.split(QLatin1Char('/'));
        parts.removeLast();
        if (first) {
            common = parts;
            first = false;
        } else {
            qsizetype n = 0;
            while (n < common.size() && n < parts.size() && common[n] == parts[n])
                ++n;
            common = common.mid(0, n);
        }
    }
    const QString root = common.join(QLatin1Char('/'));
    return root.isEmpty() ? QStringLiteral("/") : root;
}

QString WorkspaceBuilder::relativePath(const QString& path, bool* inside) const
{
    const QString absolute
        = QDir::cleanPath(path.startsWith(QLatin1Char('/')) ? path : m_root + QLatin1Char('/') + path);
    const QString prefix = m_root == QLatin1String("/") ? m_root : m_root + QLatin1Char('/');
    *inside = absolute.startsWith(prefix) && absolute.size() > prefix.size();
    return *inside ? absolute.mid(prefix.size()) : absolute;
}

void WorkspaceBuilder::replay(int seq)
{
    reset();
    while (nextStep() >= 0 && (seq < 0 || nextStep() <= seq))
        applyNext();
}

void WorkspaceBuilder::reset()
{
    m_files.clear();
    m_history.clear();
    m_steps.clear();
    m_error.clear();
    m_next = 0;
    if (m_root.isEmpty())
        m_root = defaultRoot();
}

bool WorkspaceBuilder::applyNext()
{
    if (m_next >= m_calls.size())
        return false;
    if (m_root.isEmpty())
        m_root = defaultRoot();
    const ToolCall& call = m_calls[m_next++];
    apply(call.seq, call.function, call.argumentsJson);
    return true;
}

void WorkspaceBuilder::remember(const QString& path, const QByteArray& content)
{
    std::vector<QByteArray>& history = m_history[path];
    history.push_back(content);
    if (m_historyDepth >= 0 && history.size() > size_t(m_historyDepth))
        history.erase(history.begin());
}

std::vector<WorkspaceStep> WorkspaceBuilder::fileSteps()
{
    replay(-1);
    return m_steps;
}

void WorkspaceBuilder::apply(int seq, const QString& function, const QByteArray& argumentsJson)
{
    rapidjson::Document arguments;
    if (!parseJson(arguments, argumentsJson.constData(), size_t(argumentsJson.size())))
        return;
    if (function == QLatin1String("bash")) {
        applyBash(seq, resolveAttachments(stringOf(member(arguments, "cmd"))));
        return;
    }
    if (function != QLatin1String("text_editor"))
        return;
    const QString command = stringOf(member(arguments, "command"));
    if (command == QLatin1String("view"))
        return;
    bool inside = false;
    const QString path = relativePath(stringOf(member(arguments, "path")), &inside);
    WorkspaceStep step { seq, WorkspaceStep::Edit, path, command };
    if (!inside) {
        step.kind = WorkspaceStep::Refused;
        step.detail = tr("%1 outside the workspace root %2").arg(command, m_root);
        m_steps.push_back(step);
        return;
    }
    QByteArray& content = m_files[path];
    const QByteArray before = content;
    if (command == QLatin1String("create")) {
        content = resolveAttachments(stringOf(member(arguments, "file_text"))).toUtf8();
    } else if (command == QLatin1String("str_replace")) {
        const QByteArray oldText = resolveAttachments(stringOf(member(arguments, "old_str"))).toUtf8();
        const QByteArray newText = resolveAttachments(stringOf(member(arguments, "new_str"))).toUtf8();
        const qsizetype at = content.indexOf(oldText);
        // The tool itself refuses an old_str that is missing or not unique: so does the replay.
        if (oldText.isEmpty() || at < 0 || content.indexOf(oldText, at + 1) >= 0) {
            step.kind = WorkspaceStep::Refused;
            step.detail = tr("str_replace whose old text is not found exactly once");
            m_steps.push_back(step);
            return;
        }
        content.replace(at, oldText.size(), newText);
    } else if (command == QLatin1String("insert")) {
        const int line = int(integerOf(member(arguments, "insert_line")));
        QByteArray newText = resolveAttachments(stringOf(member(arguments, "new_str"))).toUtf8();
        if (!newText.endsWith('\n'))
            newText += '\n';
        qsizetype at = 0;
        for (int i = 0; i < line && at >= 0; ++i) {
            at = content.indexOf('\n', at);
            if (at >= 0)
                ++at;
        }
        if (at < 0) {
            if (!content.isEmpty() && !content.endsWith('\n'))
                content += '\n';
            at = content.size();
        }
        content.insert(at, newText);
    } else if (command == QLatin1String("undo_edit")) {
        auto& history = m_history[path];
        if (history.empty()) {
            step.kind = WorkspaceStep::Refused;
            step.detail = tr("undo_edit with nothing to undo");
            m_steps.push_back(step);
            return;
        }
        content = history.back();
        history.pop_back();
        m_steps.push_back(step);
        return;
    } else {
        return;
    }
    remember(path, before);
    m_steps.push_back(step);
}

void WorkspaceBuilder::applyBash(int seq, const QString& command)
{
    // Heredoc writes, which can be followed exactly: cat > FILE <<'EOF' ... EOF, cat <<EOF > FILE, tee FILE <<EOF.
    static const QRegularExpression heredoc(
        QStringLiteral(
            R"(^\s*(?:cat\s*>\s*(\S+)\s*<<-?\s*['"]?(\w+)['"]?|cat\s*<<-?\s*['"]?(\w+)['"]?\s*>\s*(\S+)|tee\s+(\S+)\s*<<-?\s*['"]?(\w+)['"]?(?:\s*>\s*/dev/null)?)[^\n]*\n(.*)\n(\w+)\s*$)"),
        QRegularExpression::DotMatchesEverythingOption);
    const auto match = heredoc.match(command);
    if (match.hasMatch()) {
        const QString file = !match.captured(1).isEmpty() ? match.captured(1)
            : !match.captured(4).isEmpty()                ? match.captured(4)
                                                          : match.captured(5);
        const QString marker = !match.captured(2).isEmpty() ? match.captured(2)
            : !match.captured(3).isEmpty()                  ? match.captured(3)
                                                            : match.captured(6);
        if (match.captured(8) == marker) {
            bool inside = false;
            QString path = file;
            path.remove(QLatin1Char('\'')).remove(QLatin1Char('"'));
            path = relativePath(path, &inside);
            if (!inside) {
                m_steps.push_back(
                    { seq, WorkspaceStep::Refused, path, tr("write outside the workspace root %1").arg(m_root) });
                return;
            }
            remember(path, m_files.value(path));
            m_files[path] = match.captured(7).toUtf8() + '\n';
            m_steps.push_back({ seq, WorkspaceStep::Write, path, QStringLiteral("heredoc") });
            return;
        }
    }
    // Anything else that may write files cannot be followed: list it so the user knows how far to trust the result.
    static const QRegularExpression writes(QStringLiteral(
        R"((?:^|[;&|\s])(?:sed\s+-i|rm|mv|cp|touch|mkdir|patch|git\s+(?:apply|checkout|restore|reset)|tar|unzip|perl\s+-[a-z]*i)\b|[^2&]>{1,2}\s*(?!/dev/null|&)\S)"));
    if (writes.match(command).hasMatch())
        m_steps.push_back({ seq, WorkspaceStep::Uncertain, QString(), command.left(200) });
}

bool WorkspaceBuilder::write(const QString& directory)
{
    for (auto it = m_files.begin(); it != m_files.end(); ++it) {
        const QString path = QDir(directory).filePath(it.key());
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size()) {
            m_error = tr("%1: cannot write: %2").arg(path, file.errorString());
            return false;
        }
    }
    return true;
}
