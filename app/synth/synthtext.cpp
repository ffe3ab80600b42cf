// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "synthtext.h"

#include <QCryptographicHash>
#include <array>
#include <cstring>
#include <vector>

namespace {
using Patterns = std::vector<const char*>;

// Slots: {P} program, {W} what it does, {F} an option, {N} a thing of its domain, {B} a behaviour of the
// reference, {T} a failing test, {f} a function, {L} the language, {S} the source file, {p} tests passed,
// {t} visible tests, {k} tests failing, {n} a small number, {l} a line number.

const Patterns afterRun { "{p} of {t} visible tests pass now.", "The last run had {p} passing and {k} failing.",
    "`{T}` still fails.", "Looking at `{T}`: the output differs from the reference at line {l}.",
    "Most of the {k} failures seem to be about {N}.", "That fixed some tests, but `{T}` is still red.",
    "Progress: {p}/{t} visible tests.", "The diff for `{T}` shows a missing line near the end.",
    "`{T}` fails on stderr only, so the message text is off.", "{k} tests left, and `{T}` looks like the simplest one.",
    "The failures cluster around {N}." };
const Patterns allPassing { "All {t} visible tests pass.",
    "Every visible test passes now; the held-out tests may still differ, so I'll check edge cases.",
    "{t}/{t}. The held-out tests resemble these, so I must not rely on the exact inputs.",
    "Nothing fails any more, but {N} is barely covered by the visible tests." };
const Patterns beforeRun { "I will run the tests once a first version is written.", "I have not run the tests yet.",
    "Before writing code I want the exact behaviour of the reference." };
const Patterns hypotheses { "My guess is that the reference {B}.",
    "I think the reference {B}, which would explain `{T}`.", "It looks like {P} {B}.",
    "The documentation does not say what happens with {N}; I suspect it {B}.",
    "Maybe the difference is in the handling of {N}.", "If that is right, `{f}` needs to treat {N} as a special case.",
    "Hmm, that contradicts what I assumed about {N}.",
    "So the exit status on a usage error is 1, and the message goes to stderr.",
    "The expected output has no trailing space, so I must not pad the last column.", "Wait, the reference also {B}.",
    "That suggests {N} is checked before {F} is applied.",
    "The order matters here: the reference reads all of its input before it prints anything.",
    "Could it be that {F} changes the handling of {N}?", "It seems the reference {B}, even with {F}." };
const Patterns connectors { "Good.", "OK.", "That matches the documentation.", "Interesting.",
    "That is what I expected.", "Right.", "Hmm.", "Let me think about this." };
const Patterns plans { "Then I will handle {N}.", "After that, {F} is next.", "Once `{T}` passes I will look at {N}.",
    "I will keep all of it in {S} for now.", "The plan: get {N} right, then {F}, then the error messages.",
    "I should write a small helper for {N} instead of repeating the logic in `{f}`.",
    "Next I want to compare the exit statuses as well as stdout." };
const Patterns docsIntent { "Let me start by reading the documentation in docs/.",
    "First I'll read the docs, then probe the reference on a few inputs, then write a first version in {L}.",
    "The task is to reimplement {P}, which {W}. Let me read the documentation first." };
const Patterns probeIntent { "Let me check what the reference does with {F}.",
    "I'll try {N} on the reference to see the exact output.", "Let me probe the reference with a small input.",
    "I want to see how the reference handles {N}.", "Let me compare with the reference directly.",
    "Let me see what the reference prints here, including the exit status." };
const Patterns editIntent { "I'll update `{f}` so that it {B}.", "The bug is in `{f}`: it ignores {N}.",
    "Let me fix {N} in `{f}`.", "Now I'll add support for {F}.", "I'll refactor `{f}` to handle {N} in one place.",
    "Let me write the first version of `{f}`.", "I'll change `{f}` to match the reference on {N}." };
const Patterns viewIntent { "Let me look at `{f}` again.", "Let me re-read {S} before changing it.",
    "I'll check how `{f}` builds its output.", "Let me see the current state of {S}." };
const Patterns lookIntent { "Let me look around the workspace.", "Let me check the test case for `{T}`.",
    "I want to see which files changed.", "Let me find the places I left for later." };
const Patterns testIntent { "Let me run the visible tests.", "Now let me run the tests again.",
    "Let me see if that fixed `{T}`.", "Running the tests to check for regressions.", "Let me run the test suite." };
const Patterns docSentences { "The {F} option changes the handling of {N}.", "`{P}` {B}.",
    "With {N} in the input, `{P}` {B}.", "Errors are reported on standard error, and the exit status is non-zero.",
    "If no file is given, {P} reads standard input.", "See the examples below for {N}.",
    "With {F}, the output is otherwise unchanged.", "Options may be given in any order." };

/// What the agent says of the last test run.
const Patterns& runPatterns(const SynthText::Situation& situation)
{
    return situation.passed < 0 ? beforeRun : situation.passed >= situation.total ? allPassing : afterRun;
}

const Patterns& intentPatterns(SynthText::Intent intent)
{
    switch (intent) {
    case SynthText::Intent::Docs:
        return docsIntent;
    case SynthText::Intent::Probe:
        return probeIntent;
    case SynthText::Intent::Edit:
        return editIntent;
    case SynthText::Intent::View:
        return viewIntent;
    case SynthText::Intent::Look:
        return lookIntent;
    case SynthText::Intent::Test:
        break;
    }
    return testIntent;
}

/// Writes patterns with their slots filled from the situation.
class Writer {
public:
    Writer(SynthRandom& random, const SynthText::Situation& situation)
        : m_random(random)
        , m_situation(situation)
        , m_profile(*situation.profile)
    {
    }

    /// Appends one pattern as a sentence (or more), after a space unless at the start of a line.
    void sentence(const char* pattern)
    {
        if (!m_text.isEmpty() && !m_text.endsWith('\n'))
            m_text += ' ';
        const qsizetype start = m_text.size();
        fill(pattern);
        const qsizetype first = m_text.mid(start, 2) == "- " ? start + 2 : start;
        if (m_text[first] >= 'a' && m_text[first] <= 'z')
            m_text[first] = char(m_text[first] - 'a' + 'A');
        for (qsizetype i = start; i < m_text.size(); ++i)
            m_words += m_text[i] == ' ';
        ++m_words;
    }
    /// One of `patterns`, never the one just written.
    void sentence(const Patterns& patterns)
    {
        const char* pattern = m_random.pick(patterns);
        if (pattern == m_last)
            pattern = m_random.pick(patterns);
        m_last = pattern;
        sentence(pattern);
    }
    void raw(const QByteArray& text) { m_text += text; }
    void paragraph()
    {
        if (!m_text.isEmpty())
            m_text += "\n\n";
    }
    int words() const { return m_words; }
    void count(int words) { m_words += words; }
    QByteArray take() { return std::move(m_text); }
    void fill(const char* pattern)
    {
        for (const char* c = pattern; *c; ++c) {
            if (*c != '{' || !c[1] || c[2] != '}') {
                m_text += *c;
                continue;
            }
            slot(c[1]);
            c += 2;
        }
    }

private:
    void slot(char key)
    {
        const SynthText::Situation& s = m_situation;
        const int total = std::max(s.total, 1);
        switch (key) {
        case 'P':
            m_text += m_profile.program;
            break;
        case 'W':
            m_text += m_profile.what;
            break;
        case 'F':
            m_text += m_random.pick(m_profile.flags).first;
            break;
        case 'N':
            m_text += m_random.pick(m_profile.nouns);
            break;
        case 'B':
            m_text += m_random.pick(m_profile.behaviours);
            break;
        case 'T':
            m_text += s.failing.isEmpty() ? m_profile.testName(int(m_random.range(1, total))) : s.failing;
            break;
        case 'f':
            m_text += m_random.pick(m_profile.functions);
            break;
        case 'L':
            m_text += s.language;
            break;
        case 'S':
            m_text += s.source;
            break;
        case 'p':
            m_text += QByteArray::number(std::max(s.passed, 0));
            break;
        case 't':
            m_text += QByteArray::number(s.total);
            break;
        case 'k':
            m_text += QByteArray::number(s.total - std::max(s.passed, 0));
            break;
        case 'n':
            m_text += QByteArray::number(m_random.range(2, 9));
            break;
        default:
            m_text += QByteArray::number(m_random.range(1, 40));
        }
    }

    SynthRandom& m_random;
    const SynthText::Situation& m_situation;
    const ProgramProfile& m_profile;
    QByteArray m_text;
    int m_words = 0;
    const char* m_last = nullptr;
};

/// An identifier in the language's own case: camelCase for Go, Title_Case for Ada.
QByteArray identifier(const char* snake, const QByteArray& language)
{
    QByteArray name(snake);
    if (language == "go") {
        for (qsizetype i = name.indexOf('_'); i >= 0 && i + 1 < name.size(); i = name.indexOf('_')) {
            name.remove(i, 1);
            name[i] = char(toupper(name[i]));
        }
    } else if (language == "ada") {
        name[0] = char(toupper(name[0]));
        for (qsizetype i = 1; i < name.size(); ++i)
            if (name[i - 1] == '_')
                name[i] = char(toupper(name[i]));
    }
    return name;
}

/// A language's lines: how a function opens and closes, blocks inside it (opener and closer; an empty closer
/// only dedents), plain statements and the comment marks.
struct CodeStyle {
    const char* function; ///< {f}: the function's name
    const char* functionEnd;
    std::vector<std::pair<const char*, const char*>> blocks;
    Patterns statements;
    const char* comment;
    const char* commentEnd;
    int indent;
    bool functionEndInside; ///< the function's end is its last statement (Python's return, OCaml's value)
};

const CodeStyle& styleOf(const QByteArray& language)
{
    static const CodeStyle python { "def {f}(line, width):", "return result",
        { { "if not line:", "" }, { "for field in fields:", "" }, { "while pos < len(text):", "" } },
        { "fields = line.split(sep)", "result.append(field.strip())", "width = max(width, len(field))",
            "sys.stdout.write(out + \"\\n\")", "value = int(token, 16)", "out = \" \".join(parts)",
            "raise SystemExit(1)", "sys.stderr.write(f\"{P}: invalid argument: {token}\\n\")",
            "pos = text.find(sep, pos)", "parts = [p for p in parts if p]", "result = {f}(line, width)",
            "if not field: continue" },
        "# ", "", 4, true };
    static const CodeStyle rust { "fn {f}(line: &str, width: usize) -> Result<String, Error> {", "}",
        { { "if line.is_empty() {", "}" }, { "for field in fields.iter() {", "}" }, { "match token {", "}" },
            { "while pos < text.len() {", "}" } },
        { "let fields: Vec<&str> = line.split(sep).collect();", "result.push(field.trim().to_string());",
            "width = width.max(field.len());", "writeln!(out, \"{}\", line)?;",
            "let value = i64::from_str_radix(token, 16)?;",
            "return Err(Error::Usage(format!(\"invalid argument: {}\", token)));", "pos += 1;",
            "let mut parts = Vec::new();", "let result = {f}(line, width)?;" },
        "// ", "", 4, false };
    static const CodeStyle go { "func {f}(line string, width int) (string, error) {", "}",
        { { "if err != nil {", "}" }, { "for _, field := range fields {", "}" }, { "switch token {", "}" },
            { "for pos < len(text) {", "}" } },
        { "fields := strings.Split(line, sep)", "result = append(result, strings.TrimSpace(field))",
            "width = max(width, len(field))", "fmt.Fprintln(out, line)",
            "value, err := strconv.ParseInt(token, 16, 64)", "return \"\", fmt.Errorf(\"invalid argument: %s\", token)",
            "pos++", "parts := []string{}", "result, err := {f}(line, width)" },
        "// ", "", 4, false };
    static const CodeStyle c { "static int {f}(const char *line, size_t width)\n{", "}",
        { { "if (line == NULL) {", "}" }, { "for (size_t i = 0; i < nfields; i++) {", "}" },
            { "while (*p != '\\0') {", "}" } },
        { "nfields = split_fields(line, sep, fields, MAX_FIELDS);", "width = width > len ? width : len;",
            "fputs(out, stdout);", "value = strtol(token, &end, 16);",
            "fprintf(stderr, \"{P}: invalid argument: %s\\n\", token);", "p++;", "len = strlen(fields[i]);",
            "if ({f}(line, width) < 0) return -1;" },
        "/* ", " */", 4, false };
    static const CodeStyle ocaml { "let {f} line width =", "result",
        { { "let rec loop pos acc =", "in" }, { "if String.length line = 0 then begin", "end;" },
            { "List.iter (fun field ->", ") fields;" } },
        { "let fields = String.split_on_char sep line in", "let width = max width (String.length field) in",
            "print_endline line;", "let value = int_of_string (\"0x\" ^ token) in",
            "Printf.eprintf \"{P}: invalid argument: %s\\n\" token;", "Buffer.add_string out field;",
            "let result = {f} line width in" },
        "(* ", " *)", 2, true };
    static const CodeStyle ada { "procedure {f} (Line : String; Width : Natural) is\nbegin", "end;",
        { { "if Line'Length = 0 then", "end if;" }, { "for I in Fields'Range loop", "end loop;" },
            { "while Pos <= Text'Last loop", "end loop;" } },
        { "Fields := Split (Line, Sep);", "Width := Natural'Max (Width, Field'Length);",
            "Ada.Text_IO.Put_Line (To_String (Result));", "Value := Integer'Value (\"16#\" & Token & \"#\");",
            "Set_Exit_Status (Failure);", "Pos := Pos + 1;", "Append (Parts, To_Unbounded_String (Field));",
            "{f} (Line, Width);" },
        "-- ", "", 3, false };
    if (language == "rust")
        return rust;
    if (language == "go")
        return go;
    if (language == "c")
        return c;
    if (language == "ocaml")
        return ocaml;
    if (language == "ada")
        return ada;
    return python;
}

const Patterns comments { "handle {N} like the reference", "the reference {B}", "TODO: {N}",
    "{F} is applied after parsing", "keep the order of the input", "matches the reference's exit status" };
}

namespace SynthText {

QByteArray said(SynthRandom& random, int words, Intent intent, const Situation& situation)
{
    Writer writer(random, situation);
    if (intent == Intent::Test || intent == Intent::Docs || words < 12 || random.chance(0.4))
        writer.sentence(intentPatterns(intent));
    while (writer.words() < words) {
        const double u = random.uniform();
        if (u < 0.3 && situation.passed >= 0)
            writer.sentence(runPatterns(situation));
        else if (u < 0.65)
            writer.sentence(hypotheses);
        else if (u < 0.8)
            writer.sentence(plans);
        else if (u < 0.9)
            writer.sentence(connectors);
        else
            writer.sentence(intentPatterns(intent));
    }
    return writer.take();
}

QByteArray reasoning(SynthRandom& random, int words, Intent intent, const Situation& situation)
{
    Writer writer(random, situation);
    writer.sentence(runPatterns(situation));
    int sinceBreak = 0;
    while (writer.words() < words) {
        const double u = random.uniform();
        if (u < 0.45)
            writer.sentence(hypotheses);
        else if (u < 0.6 && situation.passed >= 0)
            writer.sentence(runPatterns(situation));
        else if (u < 0.75)
            writer.sentence(plans);
        else if (u < 0.85)
            writer.sentence(connectors);
        else
            writer.sentence(intentPatterns(intent));
        if (++sinceBreak > 5 && random.chance(0.3)) {
            writer.paragraph();
            sinceBreak = 0;
        }
    }
    return writer.take();
}

QByteArray summary(SynthRandom& random, int words, const Situation& situation)
{
    const ProgramProfile& profile = *situation.profile;
    Writer writer(random, situation);
    writer.sentence("Summary of the work so far on {P}.");
    writer.raw("\n\n## Task\n");
    writer.sentence("Reimplement {P}, which {W}, in {L}; the code is in {S}.");
    writer.raw("\n\n## Progress\n");
    if (situation.passed >= situation.total)
        writer.sentence("- All {t} visible tests passed at the last run.");
    else if (situation.passed >= 0)
        writer.sentence("- {p} of {t} visible tests passed at the last run; `{T}` is among the failures.");
    else
        writer.sentence("- The tests have not been run yet.");
    writer.raw("\n");
    writer.sentence("- Written so far: `{f}`, `{f}` and the option parsing.");
    writer.raw("\n\n## What the reference does\n");
    for (const char* behaviour : profile.behaviours) {
        writer.raw("- It ");
        writer.fill(behaviour);
        writer.raw(".\n");
    }
    for (const auto& [flag, description] : profile.flags)
        writer.raw(QByteArray("- `") + flag + "`: " + description + ".\n");
    static const Patterns findings { "- `{T}`: stdout differs on {N}.",
        "- `{T}`: the exit status differs (expected 1).", "- `{T}`: passes when run alone; check {F}.",
        "- `{T}`: stderr differs in the message text.", "- `{T}`: {N} again." };
    static const Patterns steps { "- Fix {N} in `{f}`.", "- Check `{T}` against the reference with {F}.",
        "- Probe the reference with {N} and {F} together.", "- Compare the exit status for {N}." };
    writer.raw("\n## Failing tests looked at\n");
    Situation test = situation;
    while (writer.words() < words * 3 / 4) {
        test.failing = profile.testName(int(random.range(1, std::max(situation.total, 1))));
        Writer line(random, test);
        line.sentence(findings);
        writer.raw(line.take() + '\n');
        writer.count(line.words());
    }
    writer.raw("\n## Next steps\n");
    while (writer.words() < words) {
        writer.sentence(steps);
        writer.raw("\n");
    }
    return writer.take();
}

QByteArray documentation(SynthRandom& random, int words, const ProgramProfile& profile)
{
    Situation situation;
    situation.profile = &profile;
    Writer writer(random, situation);
    writer.raw("NAME\n    ");
    writer.fill("{P} - {W}\n\nSYNOPSIS\n    {P} [OPTION]... [FILE]...\n\nDESCRIPTION\n");
    while (writer.words() < words * 3 / 4)
        writer.sentence(docSentences);
    writer.raw("\n\nOPTIONS\n");
    for (const auto& [flag, description] : profile.flags)
        writer.raw(QByteArray("    ") + flag + "\n        " + description + "\n");
    writer.raw("\nEXAMPLES\n");
    for (const ProgramProfile::Probe& probe : profile.probes)
        writer.raw(QByteArray("    $ ") + profile.program + ' ' + probe.arguments + '\n');
    writer.raw("\nNOTES\n");
    while (writer.words() < words)
        writer.sentence(docSentences);
    return writer.take();
}

QByteArray code(SynthRandom& random, int lines, const QByteArray& language, const ProgramProfile& profile)
{
    const CodeStyle& style = styleOf(language);
    Situation situation;
    situation.profile = &profile;
    Writer writer(random, situation);
    // Fills a pattern whose {f} is a function of the program, named in the language's case.
    auto line = [&](const char* pattern) {
        const char* slot = std::strstr(pattern, "{f}");
        if (!slot)
            return writer.fill(pattern);
        writer.raw(QByteArray(pattern, slot - pattern));
        writer.raw(identifier(random.pick(profile.functions), language));
        writer.fill(slot + 3);
    };
    // A short piece (an edit) is part of a function's body; a file is functions, one after another.
    std::vector<const char*> open; // closers of the blocks open, the function's first
    const size_t floor = lines < 12 ? 1 : 0;
    if (floor)
        open.push_back(style.functionEnd);
    auto close = [&] {
        const char* closer = open.back();
        open.pop_back();
        if (!*closer)
            return false;
        const bool inside = open.empty() && style.functionEndInside;
        writer.raw(QByteArray(qsizetype(open.size() + (inside ? 1 : 0)) * style.indent, ' '));
        line(closer);
        writer.raw("\n");
        return true;
    };
    int body = 0; // lines of the function so far
    for (int i = 0; i < lines; ++i) {
        const qsizetype indent = qsizetype(open.size()) * style.indent;
        const int kind = int(random.range(0, 9));
        ++body;
        if (open.empty()) {
            if (i > 0)
                writer.raw("\n");
            line(style.function);
            body = 0;
        } else if (kind == 0 && open.size() < 4) {
            const auto& [opener, closer] = random.pick(style.blocks);
            writer.raw(QByteArray(indent, ' '));
            line(opener);
            open.push_back(closer);
            writer.raw("\n");
            continue;
        } else if ((kind == 1 && open.size() > floor + 1) || (kind == 2 && open.size() == 1 && !floor && body > 4)) {
            if (!close())
                --i;
            continue;
        } else if (kind == 3) {
            writer.raw(QByteArray(indent, ' ') + style.comment);
            writer.fill(random.pick(comments));
            writer.raw(style.commentEnd);
        } else {
            writer.raw(QByteArray(indent, ' '));
            line(random.pick(style.statements));
        }
        if (open.empty())
            open.push_back(style.functionEnd);
        writer.raw("\n");
    }
    while (open.size() > floor)
        close();
    return writer.take();
}

std::pair<QByteArray, QByteArray> workspaceCommand(
    SynthRandom& random, int which, int lines, const Situation& situation)
{
    const ProgramProfile& profile = *situation.profile;
    auto number = [&random](int low, int high) { return QByteArray::number(random.range(low, high)); };
    QByteArray output;
    switch (which) {
    case 0: {
        static const std::array<std::pair<const char*, const char*>, 8> entries { { { "drwxr-xr-x", "." },
            { "drwxr-xr-x", ".." }, { "drwxr-xr-x", "docs" }, { "-rw-r--r--", "notes.md" },
            { "---x--s--x", "reference" }, { "-rwxr-xr-x", "run_tests.sh" }, { "drwxr-xr-x", "src" },
            { "drwxr-xr-x", "tests" } } };
        output = "total " + number(20, 90) + '\n';
        for (const auto& [mode, entry] : entries)
            output += QByteArray(mode) + " 1 agent agent " + number(96, 24000).rightJustified(6) + " Mar  "
                + number(1, 9) + " 12:" + number(10, 59) + ' ' + entry + '\n';
        return { "ls -la", output };
    }
    case 1: {
        Writer writer(random, situation);
        for (int i = 0; i < std::max(1, lines / 4); ++i) {
            writer.raw(situation.source + ':' + number(10, 400) + ":    " + styleOf(situation.language).comment);
            writer.fill("TODO: {N}\n");
        }
        return { "grep -rn TODO src", writer.take() };
    }
    case 2: {
        const QByteArray test = profile.testName(int(random.range(1, std::max(situation.total, 1))));
        return { "cat tests/visible/" + test + "/cmd",
            QByteArray("./reference ") + random.pick(profile.probes).arguments + '\n' };
    }
    case 3: {
        const QByteArray added = number(1, 60), removed = number(0, 30);
        return { "git diff --stat",
            ' ' + situation.source.mid(situation.source.lastIndexOf('/') + 1) + " | " + number(2, 90) + ' '
                + QByteArray(std::min(added.toInt(), 30), '+') + QByteArray(std::min(removed.toInt(), 20), '-')
                + "\n 1 file changed, " + added + " insertions(+), " + removed + " deletions(-)\n" };
    }
    default:
        return { "wc -l src/*", "  " + number(40, 2400) + ' ' + situation.source + '\n' };
    }
}

QByteArray id(SynthRandom& random)
{
    static const char alphabet[] = "23456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    QByteArray id(22, '0');
    for (char& c : id)
        c = alphabet[random.range(0, int(sizeof alphabet) - 2)];
    return id;
}

QByteArray hash(const QByteArray& text)
{
    return QCryptographicHash::hash(text, QCryptographicHash::Md5).toHex();
}
}
