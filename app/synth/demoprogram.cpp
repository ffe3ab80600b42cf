// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "demoprogram.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace {
TestCase test(const QString& id, QStringList arguments, QByteArray stdinData, QByteArray out, QByteArray err = {},
    int exitCode = 0)
{
    TestCase t;
    t.id = id;
    t.arguments = std::move(arguments);
    t.stdinData = std::move(stdinData);
    t.expectedStdout = std::move(out);
    t.expectedStderr = std::move(err);
    t.expectedExitCode = exitCode;
    t.timeoutSeconds = 10;
    return t;
}

/// The text of `code` from `start` up to (not including) `next`: one function of a version, to replace.
QByteArray section(const QByteArray& code, const char* start, const char* next)
{
    const qsizetype from = code.indexOf(start);
    return code.mid(from, code.indexOf(next, from) - from);
}

// ---- choose: print selected fields of each input line ------------------------------------------------------

struct ChooseResult {
    QByteArray out, err;
    int exitCode = 0;
};

ChooseResult chooseReference(const QStringList& arguments, const QByteArray& input)
{
    ChooseResult result;
    QByteArray separator; // empty: runs of whitespace
    QByteArray joiner = " ";
    QList<QByteArray> fields;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QByteArray argument = arguments[i].toUtf8();
        if (argument == "-f" && i + 1 < arguments.size())
            separator = arguments[++i].toUtf8();
        else if (argument == "-o" && i + 1 < arguments.size())
            joiner = arguments[++i].toUtf8();
        else
            fields << argument;
    }
    struct Field {
        long first, last;
        bool range;
    };
    std::vector<Field> parsed;
    for (const QByteArray& field : fields) {
        bool ok1 = true, ok2 = true;
        if (field.contains(':')) {
            const QList<QByteArray> parts = field.split(':');
            const long a = parts[0].toLong(&ok1), b = parts.value(1).toLong(&ok2);
            if (!ok1 || !ok2 || parts.size() != 2) {
                result.err = "choose: invalid field: " + field + "\n";
                result.exitCode = 1;
                return result;
            }
            parsed.push_back({ a, b, true });
        } else {
            const long a = field.toLong(&ok1);
            if (!ok1) {
                result.err = "choose: invalid field: " + field + "\n";
                result.exitCode = 1;
                return result;
            }
            parsed.push_back({ a, a, false });
        }
    }
    QList<QByteArray> lines = input.split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    for (const QByteArray& line : lines) {
        QList<QByteArray> words;
        if (separator.isEmpty()) {
            for (const QByteArray& word : line.simplified().split(' ')) {
                if (!word.isEmpty())
                    words << word;
            }
        } else {
            // Python's str.split(separator)
            qsizetype from = 0;
            for (qsizetype at = 0; (at = line.indexOf(separator, from)) >= 0; from = at + separator.size())
                words << line.mid(from, at - from);
            words << line.mid(from);
        }
        const long n = long(words.size());
        QList<QByteArray> chosen;
        for (const Field& field : parsed) {
            long a = field.first < 0 ? n + field.first : field.first;
            long b = field.last < 0 ? n + field.last : field.last;
            for (long k = std::max(a, 0L); k <= b && k < n; ++k)
                chosen << words[k];
        }
        result.out += chosen.join(joiner) + "\n";
    }
    return result;
}

const char* chooseV1 = R"(import sys


def split(line):
    return line.split()


def pick(words, field):
    index = int(field)
    if 0 <= index < len(words):
        return [words[index]]
    return []


def main(args):
    fields = args
    for line in sys.stdin.read().splitlines():
        words = split(line)
        chosen = []
        for field in fields:
            chosen += pick(words, field)
        print(" ".join(chosen))
    return 0


sys.exit(main(sys.argv[1:]))
)";

const char* chooseV2Pick = R"(def pick(words, field):
    index = int(field)
    if index < 0:
        index += len(words)
    if 0 <= index < len(words):
        return [words[index]]
    return []
)";

// Ranges arrive, and negative single indices break: the regression the next version fixes.
const char* chooseV3Pick = R"(def pick(words, field):
    if ":" in field:
        first, last = (int(part) for part in field.split(":"))
        if first < 0:
            first += len(words)
        if last < 0:
            last += len(words)
        return [words[k] for k in range(max(first, 0), min(last, len(words) - 1) + 1)]
    index = int(field)
    if 0 <= index < len(words):
        return [words[index]]
    return []
)";

const char* chooseV4Pick = R"(def pick(words, field):
    if ":" in field:
        first, last = (int(part) for part in field.split(":"))
    else:
        first = last = int(field)
    if first < 0:
        first += len(words)
    if last < 0:
        last += len(words)
    return [words[k] for k in range(max(first, 0), min(last, len(words) - 1) + 1)]
)";

const char* chooseV5Main = R"(def main(args):
    separator = None
    joiner = " "
    fields = []
    i = 0
    while i < len(args):
        if args[i] == "-f" and i + 1 < len(args):
            separator = args[i + 1]
            i += 2
        elif args[i] == "-o" and i + 1 < len(args):
            joiner = args[i + 1]
            i += 2
        else:
            fields.append(args[i])
            i += 1
    for field in fields:
        parts = field.split(":")
        if len(parts) > 2 or not all(valid(part) for part in parts):
            sys.stderr.write("choose: invalid field: %s\n" % field)
            return 1
    for line in sys.stdin.read().splitlines():
        words = line.split(separator)
        chosen = []
        for field in fields:
            chosen += pick(words, field)
        print(joiner.join(chosen))
    return 0
)";

const char* chooseValid = R"(def valid(part):
    try:
        int(part)
        return True
    except ValueError:
        return False


)";

void makeChoose(std::vector<QByteArray>& versions, std::vector<TestCase>& tests)
{
    QByteArray v1 = chooseV1;
    const QByteArray v1Pick = QByteArray(chooseV1).mid(QByteArray(chooseV1).indexOf("def pick"),
        QByteArray(chooseV1).indexOf("def main") - QByteArray(chooseV1).indexOf("def pick") - 2);
    QByteArray v2 = QByteArray(v1).replace(v1Pick, chooseV2Pick);
    v2.replace("    return []\n\n\n\ndef main", "    return []\n\n\ndef main");
    QByteArray v3 = QByteArray(v2).replace(chooseV2Pick, chooseV3Pick);
    QByteArray v4 = QByteArray(v3).replace(chooseV3Pick, chooseV4Pick);
    const QByteArray v4Main = v4.mid(v4.indexOf("def main"), v4.indexOf("\n\nsys.exit") - v4.indexOf("def main") + 1);
    QByteArray v5 = QByteArray(v4).replace(v4Main, chooseV5Main);
    v5.replace("def split(line):\n    return line.split()\n\n\n", chooseValid);
    versions = { v1, v2, v3, v4, v5 };

    const QByteArray text = "alpha beta gamma delta\none two three\n  padded   words  here \nx\n";
    const QByteArray csv = "a,b,c,d\n1,2,3,4\n,,last,\n";
    auto add = [&](const QString& id, const QStringList& arguments, const QByteArray& input) {
        const ChooseResult expected = chooseReference(arguments, input);
        tests.push_back(test(id, arguments, input, expected.out, expected.err, expected.exitCode));
    };
    // Each feature gets visible tests and held-out twins with other inputs.
    const QByteArray other = "red green blue\ncyan magenta yellow black\n";
    for (const auto& [name, arguments] :
        std::vector<std::pair<QString, QStringList>> { { QStringLiteral("index"), { QStringLiteral("0") } },
            { QStringLiteral("two_indices"), { QStringLiteral("2"), QStringLiteral("0") } },
            { QStringLiteral("out_of_range"), { QStringLiteral("7") } },
            { QStringLiteral("negative"), { QStringLiteral("-1") } },
            { QStringLiteral("negative_second"), { QStringLiteral("-2"), QStringLiteral("1") } },
            { QStringLiteral("range"), { QStringLiteral("1:2") } },
            { QStringLiteral("range_open_end"), { QStringLiteral("1:-1") } },
            { QStringLiteral("range_empty"), { QStringLiteral("3:1") } },
            { QStringLiteral("invalid"), { QStringLiteral("x") } },
            { QStringLiteral("invalid_range"), { QStringLiteral("1:y") } } }) {
        add(QStringLiteral("choose_") + name, arguments, text);
        add(QStringLiteral("choose_") + name + QStringLiteral("_b"), arguments, other);
    }
    for (const auto& [name, arguments] : std::vector<std::pair<QString, QStringList>> {
             { QStringLiteral("field_separator"), { QStringLiteral("-f"), QStringLiteral(","), QStringLiteral("2") } },
             { QStringLiteral("field_separator_range"),
                 { QStringLiteral("-f"), QStringLiteral(","), QStringLiteral("0:1") } },
             { QStringLiteral("output_separator"),
                 { QStringLiteral("-o"), QStringLiteral("-"), QStringLiteral("0"), QStringLiteral("1") } },
             { QStringLiteral("both_separators"),
                 { QStringLiteral("-f"), QStringLiteral(","), QStringLiteral("-o"), QStringLiteral(";"),
                     QStringLiteral("-1"), QStringLiteral("0") } } }) {
        add(QStringLiteral("choose_") + name, arguments, csv);
        add(QStringLiteral("choose_") + name + QStringLiteral("_b"), arguments, "p,q\nr,s,t\n");
    }
}

// ---- numfmt: numbers to and from SI and IEC suffixes ------------------------------------------------------

QByteArray numfmtScale(double value, double base)
{
    static const char* suffixes = "KMGTPE";
    // Not "value >= base": a NaN is written as a number too, never indexed into the suffixes.
    if (!(value >= base))
        return QByteArray::number(qint64(value));
    int power = 1;
    double scaled = value / base;
    while (scaled >= base && power < 6) {
        ++power;
        scaled = value / std::pow(base, power);
    }
    QByteArray text;
    if (scaled < 10) {
        const double rounded = std::ceil(scaled * 10) / 10;
        text = rounded >= 10 ? QByteArray::number(qint64(rounded)) : QByteArray::number(rounded, 'f', 1);
    } else {
        text = QByteArray::number(qint64(std::ceil(scaled)));
    }
    return text + suffixes[power - 1];
}

struct NumfmtResult {
    QByteArray out, err;
    int exitCode = 0;
};

NumfmtResult numfmtReference(const QStringList& arguments)
{
    NumfmtResult result;
    QString mode;
    for (const QString& argument : arguments) {
        if (argument.startsWith(QLatin1String("--"))) {
            mode = argument;
            continue;
        }
        const QByteArray number = argument.toUtf8();
        if (mode == QLatin1String("--from=si")) {
            static const QByteArray suffixes = "KMGTPE";
            double scale = 1;
            QByteArray digits = number;
            const qsizetype at = digits.isEmpty() ? -1 : suffixes.indexOf(digits.back());
            if (at >= 0) {
                scale = std::pow(1000.0, double(at + 1));
                digits.chop(1);
            }
            bool ok = false;
            const double value = digits.toDouble(&ok);
            if (!ok || digits.isEmpty() || !(digits[0] >= '0' && digits[0] <= '9')) {
                result.err = "numfmt: invalid number: '" + number + "'\n";
                result.exitCode = 2;
                return result;
            }
            result.out += QByteArray::number(qint64(std::ceil(value * scale))) + "\n";
            continue;
        }
        bool ok = false;
        const qint64 value = number.toLongLong(&ok);
        if (!ok || value < 0) {
            result.err = "numfmt: invalid number: '" + number + "'\n";
            result.exitCode = 2;
            return result;
        }
        if (mode == QLatin1String("--to=si"))
            result.out += numfmtScale(double(value), 1000) + "\n";
        else if (mode == QLatin1String("--to=iec"))
            result.out += numfmtScale(double(value), 1024) + "\n";
        else
            result.out += number + "\n";
    }
    return result;
}

const char* numfmtV1 = R"(import sys

SUFFIXES = "KMGTPE"


def scale(value, base):
    if value < base:
        return str(value)
    power = 0
    scaled = value
    while scaled >= base and power < 6:
        power += 1
        scaled = value // base ** power
    return "%d%s" % (scaled, SUFFIXES[power - 1])


def convert(mode, text):
    value = int(text)
    if mode == "--to=si":
        return scale(value, 1000)
    return str(value)


def main(args):
    mode = None
    for arg in args:
        if arg.startswith("--"):
            mode = arg
            continue
        print(convert(mode, arg))
    return 0


sys.exit(main(sys.argv[1:]))
)";

const char* numfmtV2Scale = R"(def scale(value, base):
    if value < base:
        return str(value)
    power = 0
    scaled = value
    while scaled >= base and power < 6:
        power += 1
        scaled = value / base ** power
    if scaled < 10:
        rounded = math.ceil(scaled * 10) / 10
        text = str(int(rounded)) if rounded >= 10 else "%.1f" % rounded
    else:
        text = str(math.ceil(scaled))
    return text + SUFFIXES[power - 1]
)";

const char* numfmtV3Convert = R"(def convert(mode, text):
    value = int(text)
    if mode == "--to=si":
        return scale(value, 1000)
    if mode == "--to=iec":
        return scale(value, 1024)
    return str(value)
)";

const char* numfmtV4Convert = R"(def convert(mode, text):
    if mode == "--from=si":
        power = SUFFIXES.find(text[-1]) + 1 if text and text[-1] in SUFFIXES else 0
        digits = text[:-1] if power else text
        return str(math.ceil(float(digits) * 1000 ** power))
    value = int(text)
    if mode == "--to=si":
        return scale(value, 1000)
    if mode == "--to=iec":
        return scale(value, 1024)
    return str(value)
)";

const char* numfmtV5Main = R"(def main(args):
    mode = None
    for arg in args:
        if arg.startswith("--"):
            mode = arg
            continue
        try:
            if mode == "--from=si":
                digits = arg[:-1] if arg and arg[-1] in SUFFIXES else arg
                if not digits or not digits[0].isdigit():
                    raise ValueError(arg)
                float(digits)
            elif int(arg) < 0:
                raise ValueError(arg)
        except ValueError:
            sys.stderr.write("numfmt: invalid number: '%s'\n" % arg)
            return 2
        print(convert(mode, arg))
    return 0
)";

void makeNumfmt(std::vector<QByteArray>& versions, std::vector<TestCase>& tests)
{
    const QByteArray v1 = numfmtV1;
    QByteArray v2
        = QByteArray(v1).replace(QByteArray(section(v1, "def scale", "\n\n\ndef convert") + "\n"), numfmtV2Scale);
    v2.replace("import sys\n", "import math\nimport sys\n");
    QByteArray v3
        = QByteArray(v2).replace(QByteArray(section(v2, "def convert", "\n\n\ndef main") + "\n"), numfmtV3Convert);
    QByteArray v4 = QByteArray(v3).replace(numfmtV3Convert, numfmtV4Convert);
    QByteArray v5 = QByteArray(v4).replace(QByteArray(section(v4, "def main", "\n\n\nsys.exit") + "\n"), numfmtV5Main);
    versions = { v1, v2, v3, v4, v5 };
    auto add = [&](const QString& id, const QStringList& arguments) {
        const NumfmtResult expected = numfmtReference(arguments);
        tests.push_back(test(id, arguments, {}, expected.out, expected.err, expected.exitCode));
    };
    const std::vector<std::pair<QString, QStringList>> cases {
        { QStringLiteral("plain"), { QStringLiteral("42"), QStringLiteral("999") } },
        { QStringLiteral("si_whole"),
            { QStringLiteral("--to=si"), QStringLiteral("12000"), QStringLiteral("5000000") } },
        { QStringLiteral("si_decimal"),
            { QStringLiteral("--to=si"), QStringLiteral("1500"), QStringLiteral("2345678") } },
        { QStringLiteral("si_round_up"),
            { QStringLiteral("--to=si"), QStringLiteral("1001"), QStringLiteral("9999") } },
        { QStringLiteral("iec"), { QStringLiteral("--to=iec"), QStringLiteral("1024"), QStringLiteral("1536") } },
        { QStringLiteral("iec_large"),
            { QStringLiteral("--to=iec"), QStringLiteral("1073741824"), QStringLiteral("123456789") } },
        { QStringLiteral("from_si"), { QStringLiteral("--from=si"), QStringLiteral("1.5K"), QStringLiteral("3M") } },
        { QStringLiteral("from_si_plain"), { QStringLiteral("--from=si"), QStringLiteral("250") } },
        { QStringLiteral("invalid"), { QStringLiteral("--to=si"), QStringLiteral("abc") } },
        { QStringLiteral("invalid_from"), { QStringLiteral("--from=si"), QStringLiteral("K") } },
    };
    for (const auto& [name, arguments] : cases)
        add(QStringLiteral("numfmt_") + name, arguments);
    // Held-out twins: the same features on other numbers.
    const std::vector<std::pair<QString, QStringList>> twins {
        { QStringLiteral("plain"), { QStringLiteral("7") } },
        { QStringLiteral("si_whole"), { QStringLiteral("--to=si"), QStringLiteral("64000") } },
        { QStringLiteral("si_decimal"), { QStringLiteral("--to=si"), QStringLiteral("7250") } },
        { QStringLiteral("si_round_up"), { QStringLiteral("--to=si"), QStringLiteral("99999") } },
        { QStringLiteral("iec"), { QStringLiteral("--to=iec"), QStringLiteral("4096") } },
        { QStringLiteral("iec_large"), { QStringLiteral("--to=iec"), QStringLiteral("5000000000") } },
        { QStringLiteral("from_si"), { QStringLiteral("--from=si"), QStringLiteral("2.25G") } },
        { QStringLiteral("from_si_plain"), { QStringLiteral("--from=si"), QStringLiteral("17") } },
        { QStringLiteral("invalid"), { QStringLiteral("--to=iec"), QStringLiteral("-5") } },
        { QStringLiteral("invalid_from"), { QStringLiteral("--from=si"), QStringLiteral("x2") } },
    };
    for (const auto& [name, arguments] : twins)
        add(QStringLiteral("numfmt_") + name + QStringLiteral("_b"), arguments);
}

// ---- bitwise: a number in four bases ---------------------------------------------------------------------

struct BitwiseResult {
    QByteArray out, err;
    int exitCode = 0;
};

BitwiseResult bitwiseReference(const QString& argument)
{
    BitwiseResult result;
    const QByteArray text = argument.toUtf8().toLower();
    bool ok = false;
    qint64 value = 0;
    if (text.startsWith("0x"))
        value = text.mid(2).toLongLong(&ok, 16);
    else if (text.startsWith("0b"))
        value = text.mid(2).toLongLong(&ok, 2);
    else if (text.startsWith("0o"))
        value = text.mid(2).toLongLong(&ok, 8);
    else
        value = text.toLongLong(&ok, 10);
    if (!ok || value < 0 || text.contains('+') || text.contains('-') || text.contains(' ')) {
        result.err = "bitwise: invalid number '" + argument.toUtf8() + "'\n";
        result.exitCode = 1;
        return result;
    }
    result.out = "Decimal: " + QByteArray::number(value) + "\n";
    result.out += "Hexadecimal: 0x" + QByteArray::number(value, 16) + "\n";
    result.out += "Octal: 0" + (value ? QByteArray::number(value, 8) : QByteArray()) + "\n";
    result.out += "Binary: " + QByteArray::number(value, 2) + "\n";
    return result;
}

const char* bitwiseV1 = R"(import sys


def parse(text):
    return int(text)


def show(value):
    print("Decimal: %d" % value)
    print("Hexadecimal: 0x%x" % value)


def main(args):
    show(parse(args[0]))
    return 0


sys.exit(main(sys.argv[1:]))
)";

const char* bitwiseV2Show = R"(def show(value):
    print("Decimal: %d" % value)
    print("Hexadecimal: 0x%x" % value)
    print("Octal: 0%s" % ("%o" % value if value else ""))
    print("Binary: %s" % bin(value)[2:])
)";

const char* bitwiseV3Parse = R"(def parse(text):
    lower = text.lower()
    if lower.startswith("0x"):
        return int(lower[2:], 16)
    if lower.startswith("0b"):
        return int(lower[2:], 2)
    if lower.startswith("0o"):
        return int(lower[2:], 8)
    return int(lower, 10)
)";

const char* bitwiseV4Main = R"(def main(args):
    text = args[0]
    try:
        if any(sign in text for sign in "+- "):
            raise ValueError(text)
        value = parse(text)
    except ValueError:
        sys.stderr.write("bitwise: invalid number '%s'\n" % text)
        return 1
    show(value)
    return 0
)";

void makeBitwise(std::vector<QByteArray>& versions, std::vector<TestCase>& tests)
{
    const QByteArray v1 = bitwiseV1;
    QByteArray v2 = QByteArray(v1).replace(QByteArray(section(v1, "def show", "\n\n\ndef main") + "\n"), bitwiseV2Show);
    QByteArray v3
        = QByteArray(v2).replace(QByteArray(section(v2, "def parse", "\n\n\ndef show") + "\n"), bitwiseV3Parse);
    QByteArray v4 = QByteArray(v3).replace(QByteArray(section(v3, "def main", "\n\n\nsys.exit") + "\n"), bitwiseV4Main);
    versions = { v1, v2, v3, v4 };
    const QStringList visible { QStringLiteral("255"), QStringLiteral("0"), QStringLiteral("4096"),
        QStringLiteral("0x1F"), QStringLiteral("0b1010"), QStringLiteral("0o17"), QStringLiteral("12abc"),
        QStringLiteral("-3") };
    const QStringList heldOut { QStringLiteral("1"), QStringLiteral("65535"), QStringLiteral("7"),
        QStringLiteral("0xdeadbeef"), QStringLiteral("0B111"), QStringLiteral("0o0"), QStringLiteral("0xZZ"),
        QStringLiteral("+4") };
    for (const QStringList* list : { &visible, &heldOut }) {
        for (const QString& argument : *list) {
            const BitwiseResult expected = bitwiseReference(argument);
            TestCase t = test(QStringLiteral("bitwise_%1%2")
                                  .arg(QString(argument)
                                           .replace(QLatin1Char('-'), QLatin1String("minus"))
                                           .replace(QLatin1Char('+'), QLatin1String("plus")),
                                      list == &heldOut ? QStringLiteral("_b") : QString()),
                { argument }, {}, expected.out, expected.err, expected.exitCode);
            tests.push_back(t);
        }
    }
}
}

const std::vector<DemoProgram>& DemoProgram::all()
{
    static const std::vector<DemoProgram> programs = [] {
        std::vector<DemoProgram> list(3);
        list[0].m_program = QStringLiteral("choose");
        list[0].m_documentation = QStringLiteral(
            "choose [-f SEP] [-o OUT] FIELD...: prints the chosen fields of each line of standard input, joined by OUT "
            "(a space). Fields are split on runs of whitespace, or on SEP. FIELD is a 0-based index, negative from the "
            "end, or an inclusive range A:B; indices out of range are skipped. An invalid FIELD prints "
            "'choose: invalid field: FIELD' to standard error and exits 1.");
        makeChoose(list[0].m_versions, list[0].m_tests);
        list[1].m_program = QStringLiteral("numfmt");
        list[1].m_documentation = QStringLiteral(
            "numfmt [--to=si|--to=iec|--from=si] NUMBER...: prints each number converted. --to=si and --to=iec scale "
            "by 1000 or 1024 with the suffixes K M G T P E, one decimal below 10, rounding away from zero; --from=si "
            "reads such a suffix. An invalid number prints \"numfmt: invalid number: 'N'\" to standard error and exits "
            "2.");
        makeNumfmt(list[1].m_versions, list[1].m_tests);
        list[2].m_program = QStringLiteral("bitwise");
        list[2].m_documentation = QStringLiteral(
            "bitwise NUMBER: prints the number in decimal, hexadecimal (0x), octal (leading 0) and binary, one line "
            "each ('Decimal: 255'). NUMBER may be written 0x.., 0b.. or 0o..; anything else prints "
            "\"bitwise: invalid number 'N'\" to standard error and exits 1.");
        makeBitwise(list[2].m_versions, list[2].m_tests);
        // Every other test of a feature is held out, like MirrorCode's dual tests.
        for (DemoProgram& program : list) {
            for (TestCase& test : program.m_tests)
                test.heldOut = test.id.endsWith(QLatin1String("_b"));
        }
        return list;
    }();
    return programs;
}

const DemoProgram* DemoProgram::find(const QString& program)
{
    for (const DemoProgram& demo : all()) {
        if (demo.m_program == program)
            return &demo;
    }
    return nullptr;
}

TestSuite DemoProgram::suite() const
{
    TestSuite suite;
    suite.setName(m_program);
    suite.setTests(m_tests);
    return suite;
}
