// SPDX-License-Identifier: GPL-3.0-or-later
// SPDX-FileCopyrightText: 2026 The Runlens authors

#include "programprofile.h"

#include <array>
#include <map>

namespace {
const std::array<const char*, 16> names { "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan",
    "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil" };
const std::array<const char*, 12> cities { "Lyon", "Osaka", "Quito", "Perth", "Bergen", "Tartu", "Cusco", "Hobart",
    "Lagos", "Porto", "Sapporo", "Tromso" };
const std::array<const char*, 12> words { "alpha", "beta", "gamma", "delta", "apple", "banana", "cherry", "orange",
    "river", "stone", "paper", "window" };

QByteArray number(int64_t value)
{
    return QByteArray::number(qlonglong(value));
}

QByteArray csv(SynthRandom& random, int lines)
{
    QByteArray out = "name,city,age\n";
    for (int i = 0; i < lines; ++i)
        out += QByteArray(random.pick(names)) + ',' + random.pick(cities) + ',' + number(random.range(18, 90)) + '\n';
    return out;
}

QByteArray fields(SynthRandom& random, int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += QByteArray(random.pick(words)) + ' ' + random.pick(names) + ' ' + number(random.range(0, 999)) + '\n';
    return out;
}

QByteArray jsonLines(SynthRandom& random, int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += QByteArray("{\"name\":\"") + random.pick(names) + "\",\"city\":\"" + random.pick(cities)
            + "\",\"age\":" + number(random.range(18, 90)) + "}\n";
    return out;
}

QByteArray gron(SynthRandom& random, int lines)
{
    QByteArray out = "json = {};\njson.users = [];\n";
    for (int i = 0; i < lines / 3 + 1; ++i) {
        const QByteArray prefix = "json.users[" + number(i) + "]";
        out += prefix + " = {};\n" + prefix + ".name = \"" + random.pick(names) + "\";\n" + prefix
            + ".age = " + number(random.range(18, 90)) + ";\n";
    }
    return out;
}

QByteArray bits(SynthRandom& random, int lines)
{
    QByteArray out;
    for (int i = 0; i < std::max(1, lines / 5); ++i) {
        const qulonglong value = qulonglong(random.range(0, 65535));
        out += "Decimal: " + QByteArray::number(value) + "\nHex: 0x" + QByteArray::number(value, 16) + "\nOctal: 0"
            + QByteArray::number(value, 8) + "\nBinary: " + QByteArray::number(value, 2).rightJustified(16, '0')
            + "\n\n";
    }
    return out;
}

QByteArray hexdump(SynthRandom& random, int lines)
{
    QByteArray out = "┌────────┬─────────────────────────┬─────────────────────────┬────────┬────────┐\n";
    for (int i = 0; i < lines; ++i) {
        out += "│" + QByteArray::number(i * 16, 16).rightJustified(8, '0') + "│ ";
        QByteArray ascii;
        for (int b = 0; b < 16; ++b) {
            const int byte = int(random.range(0, 127));
            out += QByteArray::number(byte, 16).rightJustified(2, '0') + (b == 7 ? " ┊ " : " ");
            ascii += byte >= 32 && byte < 127 ? char(byte) : '.';
        }
        out += "│" + ascii + "│\n";
    }
    return out + "└────────┴─────────────────────────┴─────────────────────────┴────────┴────────┘\n";
}

QByteArray uuids(SynthRandom& random, int lines)
{
    QByteArray out = "UUID                                  VARIANT   TYPE       TIME\n";
    for (int i = 0; i < lines; ++i) {
        QByteArray uuid;
        for (int k = 0; k < 32; ++k) {
            uuid += "0123456789abcdef"[random.range(0, 15)];
            if (k == 7 || k == 11 || k == 15 || k == 19)
                uuid += '-';
        }
        const bool timeBased = random.chance(0.5);
        uuid[14] = timeBased ? '1' : '4';
        out += uuid + "  DCE       "
            + (timeBased ? "time-based 2024-0" + number(random.range(1, 9)) + "-1" + number(random.range(0, 9))
                        + " 09:1" + number(random.range(0, 9)) + ":0" + number(random.range(0, 9)) + ",482913+00:00"
                         : QByteArray("random"))
            + '\n';
    }
    return out;
}

QByteArray scaled(SynthRandom& random, int lines)
{
    static const char* const suffixes[] = { "K", "M", "G", "T" };
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += number(random.range(1, 999)) + '.' + number(random.range(0, 9)) + suffixes[random.range(0, 3)] + '\n';
    return out;
}

/// A month as cal prints it, for a year and month drawn.
QByteArray month(SynthRandom& random, int lines)
{
    static const char* const months[] = { "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December" };
    QByteArray out;
    for (int m = 0; m < std::max(1, lines / 8); ++m) {
        const int year = int(random.range(1990, 2030)), index = int(random.range(0, 11));
        const QByteArray title = QByteArray(months[index]) + ' ' + number(year);
        out += QByteArray((20 - title.size()) / 2, ' ') + title + "\nSu Mo Tu We Th Fr Sa\n";
        // Zeller's congruence for the first of the month, Sunday = 0.
        const int mm = index < 2 ? index + 13 : index + 1, y = index < 2 ? year - 1 : year;
        const int first = (1 + 13 * (mm + 1) / 5 + y % 100 + y % 100 / 4 + y / 400 - 2 * (y / 100) + 6) % 7;
        static const int lengths[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const int days = lengths[index] + (index == 1 && leap);
        QByteArray line(qsizetype(first) * 3, ' ');
        for (int day = 1; day <= days; ++day) {
            line += number(day).rightJustified(2, ' ');
            if ((first + day) % 7 == 0 || day == days) {
                out += line + '\n';
                line.clear();
            } else {
                line += ' ';
            }
        }
        out += '\n';
    }
    return out;
}

QByteArray algebra(SynthRandom& random, int lines)
{
    static const char* const results[] = { "(x-1)*(x+1)*(x^2+1)", "2*sin(x)*cos(x)", "x^3/3+C", "[x=-2,x=3]",
        "1/(x^2+1)", "exp(x)*(x+1)", "matrix[[1,0],[0,1]]", "sqrt(2)/2", "24", "x^2-5*x+6" };
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += random.pick(results) + QByteArray("\n");
    return out;
}

QByteArray expanded(SynthRandom& random, int lines)
{
    static const char* const parts[] = { "\\hbox{", "Section ", "\\kern 2.0pt ", "Figure~", "\\penalty 10000 ",
        "\\relax ", "The quick ", "\\vskip 12.0pt plus 2.0pt " };
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += random.pick(parts) + number(random.range(1, 40)) + ' ' + random.pick(words) + "}\n";
    return out;
}

QByteArray newickNode(SynthRandom& random, int& tip, int depth)
{
    QByteArray out;
    if (depth > 3 || random.chance(0.35))
        out = "Tip" + number(++tip);
    else
        out = '(' + newickNode(random, tip, depth + 1) + ',' + newickNode(random, tip, depth + 1) + ')';
    return out + ':' + QByteArray::number(random.uniform(0.001, 0.4), 'f', 4);
}

QByteArray newick(SynthRandom& random, int lines)
{
    QByteArray out;
    for (int i = 0; i < std::max(1, lines / 2); ++i) {
        int tip = 0;
        out += '(' + newickNode(random, tip, 0) + ',' + newickNode(random, tip, 0) + ");\n";
    }
    return out;
}

QByteArray treeStats(SynthRandom& random, int lines)
{
    QByteArray out = "tree\tnodes\ttips\tedges\tmeanbrlen\tsumbrlen\tmeansupport\tmediansupport\trooted\n";
    for (int i = 0; i < lines; ++i) {
        const int tips = int(random.range(4, 200));
        out += number(i) + '\t' + number(2 * tips - 2) + '\t' + number(tips) + '\t' + number(2 * tips - 3) + '\t'
            + QByteArray::number(random.uniform(0.01, 0.2), 'f', 4) + '\t'
            + QByteArray::number(random.uniform(1, 30), 'f', 4) + "\tNaN\tNaN\tunrooted\n";
    }
    return out;
}

QByteArray mailResults(SynthRandom& random, int lines)
{
    static const char* const results[] = { "pass", "fail", "softfail", "neutral", "none", "temperror" };
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += QByteArray("{\"spf\":{\"result\":\"") + random.pick(results) + "\",\"domain\":\"" + random.pick(words)
            + ".example\",\"ip\":\"192.0.2." + number(random.range(1, 254)) + "\"}}\n";
    return out;
}

QByteArray plainText(SynthRandom& random, int lines)
{
    static const char* const sentences[] = { "It was the best of times, it was the worst of times,",
        "it was the age of wisdom, it was the age of foolishness,", "Call me Ishmael. Some years ago, never mind how",
        "long precisely, having little or no money in my purse,", "In the beginning the Universe was created.",
        "This has made a lot of people very angry and been widely", "regarded as a bad move." };
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += random.pick(sentences) + QByteArray("\n");
    return out;
}

QByteArray numbers(SynthRandom& random, int lines)
{
    QByteArray out;
    int64_t a = 0, b = 1;
    for (int i = 0; i < lines; ++i) {
        out += number(a) + '\n';
        const int64_t next = (a + b) % 1000000007;
        a = b;
        b = next + (random.chance(0.01) ? 1 : 0);
    }
    return out;
}

QByteArray grid(SynthRandom& random, int lines)
{
    QByteArray out;
    const int width = int(random.range(10, 25));
    for (int i = 0; i < lines; ++i) {
        for (int c = 0; c < width; ++c)
            out += random.chance(0.45) ? "# " : ". ";
        out += '\n';
    }
    return out;
}

QByteArray table(SynthRandom& random, int lines)
{
    QByteArray out = "name    | city    | age\n--------+---------+----\n";
    for (int i = 0; i < lines; ++i)
        out += QByteArray(random.pick(names)).leftJustified(8) + "| " + QByteArray(random.pick(cities)).leftJustified(8)
            + "| " + number(random.range(18, 90)) + '\n';
    return out + '(' + number(lines) + " rows)\n";
}

QByteArray csl(SynthRandom& random, int lines)
{
    QByteArray out = "[\n";
    for (int i = 0; i < std::max(1, lines / 6); ++i)
        out += QByteArray("  {\n    \"id\": \"") + random.pick(names) + number(random.range(1990, 2025))
            + "\",\n    \"type\": \"article-journal\",\n    \"title\": \"On the " + random.pick(words) + " of "
            + random.pick(words) + "s\",\n    \"issued\": { \"date-parts\": [[" + number(random.range(1990, 2025))
            + "]] }\n  },\n";
    return out + "]\n";
}

QByteArray diagnostics(SynthRandom& random, int lines)
{
    static const char* const codes[]
        = { "F401 `os` imported but unused", "E711 Comparison to `None` should be `cond is None`",
              "F841 Local variable `result` is assigned to but never used", "E501 Line too long (97 > 88)",
              "F811 Redefinition of unused `parse` from line 3", "E722 Do not use bare `except`" };
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += "pkg/" + QByteArray(random.pick(words)) + ".py:" + number(random.range(1, 300)) + ':'
            + number(random.range(1, 40)) + ": " + random.pick(codes) + '\n';
    return out + "Found " + number(lines) + " errors.\n";
}

QByteArray pklOutput(SynthRandom& random, int lines)
{
    QByteArray out;
    for (int i = 0; i < lines; ++i)
        out += QByteArray(random.pick(words)) + " = "
            + (random.chance(0.5) ? number(random.range(0, 8080)) : '"' + QByteArray(random.pick(cities)) + '"') + '\n';
    return out;
}

QByteArray preprocessed(SynthRandom& random, int lines)
{
    QByteArray out = "# 1 \"tests/data/macros.c\"\n# 1 \"<built-in>\"\n# 1 \"<command-line>\"\n";
    for (int i = 0; i < lines; ++i)
        out += random.chance(0.2) ? "# " + number(random.range(2, 200)) + " \"tests/data/macros.c\"\n"
                                  : "int " + QByteArray(random.pick(words)) + " = (" + number(random.range(0, 99))
                + " * (" + number(random.range(0, 99)) + "));\n";
    return out;
}

QByteArray usageError(SynthRandom&, int)
{
    return "./reference: unrecognized option '--bogus'\nTry './reference --help' for more information.\nexit: 1\n";
}

QByteArray corrupt(SynthRandom&, int)
{
    return "corrupt input [tests/data/truncated.br]\nexit: 1\n";
}

std::map<QByteArray, ProgramProfile> profiles()
{
    std::map<QByteArray, ProgramProfile> all;
    auto add = [&all](ProgramProfile profile) { all[profile.program] = std::move(profile); };
    add({ "qsv_select", "selects columns of a CSV file by name, index or range",
        { { "-n", "do not treat the first row as headers" }, { "--no-headers", "the same as -n" },
            { "-d", "the field delimiter (default ,)" }, { "--delimiter", "the same as -d" },
            { "-o", "write to FILE instead of standard output" } },
        { "the header row", "a quoted field with an embedded comma", "a range like 2-4", "a negative index",
            "duplicate column names", "an empty last field" },
        { "keeps the column order given in the selector", "treats the first row as headers unless -n is given",
            "quotes a field only when it contains the delimiter", "accepts a regex selector between slashes" },
        { "select_by_name", "select_range", "select_regex", "no_headers", "quoted_fields", "reverse_range" },
        { "parse_selector", "select_columns", "write_record", "split_record", "quote_field" },
        { { "select 'name,age' tests/data/people.csv", csv }, { "select 1-3 --no-headers tests/data/cities.csv", csv },
            { "select --bogus tests/data/people.csv; echo \"exit: $?\"", usageError } } });
    add({ "jq_simple", "filters JSON documents with a subset of the jq language",
        { { "-c", "compact output, one value per line" }, { "-r", "print strings without quotes" },
            { "-n", "use null as the single input" }, { "-s", "read all inputs into one array" },
            { "--arg", "bind NAME to a string value" } },
        { "the identity filter", "an array iterator", "a pipe between two filters", "a missing key", "raw output",
            "a select with a comparison" },
        { "prints null for a missing key instead of failing", "indents with two spaces unless -c is given",
            "iterates arrays and objects alike with .[]", "exits with status 5 on a type error" },
        { "identity", "field_access", "array_iter", "pipe", "select_filter", "raw_output" },
        { "parse_filter", "eval_filter", "dump_json", "lex_token", "apply_pipe" },
        { { "-c '.[] | select(.age > 30)' tests/data/people.json", jsonLines },
            { "-c '.users[]' tests/data/users.json", jsonLines } } });
    add({ "gron", "flattens JSON into discrete assignments and back",
        { { "-u", "turn assignments back into JSON" }, { "--ungron", "the same as -u" }, { "-m", "no colours" },
            { "--monochrome", "the same as -m" }, { "-s", "treat each input line as a separate document" } },
        { "an array of objects", "a key that is not a valid identifier", "unicode escapes", "the ungron direction",
            "an empty object" },
        { "sorts object keys before printing", "quotes keys that are not identifiers with bracket notation",
            "prints json = {}; before the first assignment" },
        { "simple_object", "nested_arrays", "ungron_roundtrip", "unicode_keys", "stream_mode" },
        { "flatten_value", "statement_path", "ungron_line", "escape_key" },
        { { "tests/data/users.json", gron }, { "-m tests/data/nested.json", gron } } });
    add({ "bitwise", "evaluates integer expressions and prints them in several bases",
        { { "-w", "the word width in bits (8, 16, 32 or 64)" }, { "--width", "the same as -w" },
            { "-i", "interactive mode" }, { "-n", "no colours" } },
        { "a hexadecimal literal", "a shift past the word width", "a negative number", "the binary column",
            "an unmatched parenthesis" },
        { "prints decimal, hex, octal and binary on separate lines", "masks the result to the word width",
            "reads expressions from standard input when no argument is given" },
        { "hex_input", "shift_left", "mask_and", "negative_values", "width_8", "paren_errors" },
        { "parse_expr", "eval_binary", "format_bases", "apply_width" },
        { { "0x1f", bits }, { "'0xff & 0x0f'", bits }, { "--bogus; echo \"exit: $?\"", usageError } } });
    add({ "hexyl", "prints a hex dump of a file in a boxed table",
        { { "-n", "read only N bytes" }, { "--length", "the same as -n" }, { "-s", "skip the first N bytes" },
            { "--skip", "the same as -s" }, { "--plain", "no border, no offsets, no ASCII panel" },
            { "--border", "the border style: unicode, ascii or none" } },
        { "the border characters", "a partial last line", "the squeezed repeated lines", "the offset column",
            "a skip past the end of the file" },
        { "squeezes identical lines into a single star", "prints the ASCII panel with dots for control bytes",
            "counts --skip and --length in bytes, with suffixes like 1K" },
        { "small_file", "length_limit", "skip_offset", "squeeze_zeros", "plain_mode", "border_none" },
        { "format_line", "write_panel", "parse_size", "squeeze_run" },
        { { "tests/data/sample.bin", hexdump }, { "-n 64 tests/data/ls.bin", hexdump } } });
    add({ "uuidparse", "parses UUIDs and prints their variant, type and time",
        { { "-J", "print JSON" }, { "--json", "the same as -J" }, { "-n", "no headings" },
            { "-o", "the columns to print" }, { "-r", "raw output" } },
        { "a time-based UUID", "a nil UUID", "an uppercase UUID", "the timestamp column", "an invalid UUID" },
        { "prints invalid for a string that is not a UUID", "decodes the timestamp of version 1 UUIDs in UTC",
            "pads the columns to the widest value" },
        { "v1_time", "v4_random", "nil_uuid", "invalid_input", "json_output", "custom_columns" },
        { "parse_uuid", "uuid_variant", "decode_time", "print_table" },
        { { "$(cat tests/data/uuids.txt)", uuids }, { "-o UUID,TYPE < tests/data/mixed.txt", uuids } } });
    add({ "numfmt", "converts numbers to and from human-readable strings",
        { { "--to=si", "scale to powers of 1000 with K, M, G suffixes" }, { "--to=iec", "scale to powers of 1024" },
            { "--from=auto", "accept SI and IEC suffixes on input" },
            { "--suffix", "add SUFFIX after the output number" }, { "--padding", "pad the output to N characters" },
            { "--round", "the rounding method: up, down, from-zero, towards-zero, nearest" } },
        { "the SI suffixes", "a number with a fraction", "the rounding mode", "a negative padding",
            "an invalid suffix" },
        { "rounds up by default, not to the nearest", "prints one decimal below ten and none above",
            "rejects a suffix it does not know with exit status 2" },
        { "to_si", "to_iec", "from_auto", "padding", "rounding", "invalid_suffix" },
        { "format_number", "parse_suffix", "round_value", "apply_padding" },
        { { "--to=si < tests/data/sizes.txt", scaled }, { "--to=iec --round=nearest < tests/data/bytes.txt", scaled },
            { "--bogus; echo \"exit: $?\"", usageError } } });
    add({ "cal", "prints a calendar of a month or a year",
        { { "-1", "show only the current month" }, { "-3", "show the previous, current and next month" },
            { "-y", "show the whole year" }, { "-m", "start weeks on Monday" },
            { "-j", "show day numbers within the year" } },
        { "the week header", "a leap year", "September 1752", "the three-month layout", "the Julian day numbers" },
        { "centres the month title above the grid", "starts weeks on Sunday", "skips eleven days in September 1752" },
        { "single_month", "three_months", "whole_year", "leap_february", "julian_days", "gregorian_switch" },
        { "first_weekday", "days_in_month", "format_month", "center_title" },
        { { "3 2024", month }, { "-3", month } } });
    add({ "choose", "selects fields of each line, like a friendlier cut",
        { { "-f", "the field separator, a regex" }, { "--field-separator", "the same as -f" },
            { "-o", "the output separator" }, { "-x", "exclusive ranges" },
            { "-c", "choose characters instead of fields" } },
        { "a range like 1:3", "a negative index", "the field separator", "an exclusive range", "leading whitespace" },
        { "splits on runs of whitespace by default", "counts fields from zero",
            "prints nothing for a field past the end of the line" },
        { "single_field", "range_inclusive", "range_exclusive", "negative_index", "custom_separator" },
        { "parse_choice", "split_fields", "print_range" },
        { { "1:2 < tests/data/words.txt", fields }, { "-f ',' 0 2 < tests/data/rows.csv", fields } } });
    add({ "giac_subset", "evaluates computer algebra expressions",
        { { "--no-color", "plain output" }, { "-q", "do not print the prompt" } },
        { "a rational function", "a factorisation", "the derivative", "a matrix literal", "the order of terms" },
        { "orders terms by decreasing degree", "prints products without spaces", "keeps exact fractions" },
        { "factor_poly", "diff_trig", "integrate_basic", "solve_quadratic", "matrix_ops", "simplify_rational" },
        { "parse_expr", "simplify", "print_expr", "factor_poly", "differentiate" },
        { { "< tests/data/session1.in", algebra }, { "-q < tests/data/calculus.in", algebra } } });
    add({ "texmacros", "expands TeX macros the way pdftex does",
        { { "-ini", "start without a format" }, { "-interaction=batchmode", "do not stop on errors" } },
        { "a macro with delimited parameters", "the catcode of @", "an expandafter chain", "a group", "\\csname" },
        { "expands macros left to right and keeps spaces after control words",
            "reports an undefined control sequence with the line number" },
        { "def_simple", "delimited_params", "expandafter", "csname", "groups", "catcodes" },
        { "expand_token", "read_params", "lookup_macro", "tokenize" }, { { "tests/data/macros.tex", expanded } } });
    add({ "gotree", "manipulates phylogenetic trees in Newick format",
        { { "-i", "the input tree file (default stdin)" }, { "-o", "the output file (default stdout)" },
            { "-l", "the tip name, or the file of tip names" }, { "-s", "the random seed" },
            { "--format", "the input format: newick, nexus or phyloxml" } },
        { "the branch lengths", "a tip name with a space", "the root", "a multifurcating node", "the support values" },
        { "prints branch lengths with up to 6 digits and no trailing zeros", "reroots on the outgroup's parent edge",
            "keeps the order of children when it writes the tree" },
        { "stats_basic", "reroot_outgroup", "prune_tips", "rename_map", "generate_yule", "compare_trees" },
        { "parse_newick", "write_newick", "reroot", "prune_tips", "tree_stats" },
        { { "stats -i tests/data/trees.nw", treeStats }, { "reroot outgroup -i tests/data/tree.nw -l Tip3", newick },
            { "generate yuletree -s 10 -l 8 -n 4", newick } } });
    add({ "mailauth", "checks SPF, DKIM and DMARC of email messages",
        { { "spf", "check the SPF record of the sender" }, { "dkim", "verify the DKIM signatures of a message" },
            { "dmarc", "evaluate the DMARC policy" }, { "--sender", "the envelope sender" },
            { "--ip", "the client IP address" } },
        { "an SPF include", "a DKIM signature", "the relaxed canonicalisation", "a DNS lookup limit",
            "the DMARC policy" },
        { "stops after ten DNS lookups with permerror", "canonicalises headers before it hashes them" },
        { "spf_pass", "spf_include", "dkim_relaxed", "dkim_bad_hash", "dmarc_reject", "lookup_limit" },
        { "check_spf", "verify_dkim", "canonicalize_header", "parse_record" },
        { { "spf --sender alice@example.com --ip 192.0.2.10 --dns tests/data/dns.json", mailResults } } });
    add({ "brotlid", "decompresses brotli streams",
        { { "-d", "decompress (the only mode)" }, { "-c", "write to standard output" }, { "-o", "write to FILE" } },
        { "a metablock", "the Huffman tables", "the ring buffer", "a truncated stream", "the dictionary references" },
        { "refuses a truncated stream with 'corrupt input'", "writes to standard output with -c" },
        { "empty_stream", "uncompressed_block", "huffman_complex", "dictionary_words", "truncated" },
        { "read_metablock", "decode_huffman", "copy_distance", "bit_reader" },
        { { "-c tests/data/text.br | head", plainText },
            { "-c tests/data/truncated.br; echo \"exit: $?\"", corrupt } } });
    add({ "wren_cli", "runs Wren scripts", { { "--version", "print the version and exit" } },
        { "a class with a constructor", "string interpolation", "a fiber", "the runtime error message", "a closure" },
        { "prints a runtime error and the stack trace to stderr", "interpolates expressions inside %()" },
        { "classes", "fibers", "closures", "string_interp", "runtime_errors", "lists_maps" },
        { "compile_expr", "run_fiber", "call_method", "intern_string" }, { { "tests/data/fib.wren", numbers } } });
    add({ "nonogrid", "solves nonogram puzzles",
        { { "--max-solutions", "stop after N solutions" }, { "--timeout", "give up after N seconds" } },
        { "a row clue", "a contradiction", "the line solver", "a puzzle with two solutions", "the backtracking" },
        { "prints every solution up to the limit", "marks filled cells with # and empty ones with ." },
        { "small_puzzle", "unique_solution", "two_solutions", "contradiction", "large_grid" },
        { "solve_line", "propagate", "backtrack", "print_grid" }, { { "tests/data/duck.nono", grid } } });
    add({ "sed", "edits streams of text with a script",
        { { "-n", "do not print the pattern space automatically" }, { "-e", "add SCRIPT to the commands" },
            { "-E", "use extended regular expressions" }, { "-i", "edit files in place" },
            { "-s", "treat files as separate" } },
        { "the hold space", "an address range", "a substitution flag", "the last line", "an escaped newline" },
        { "prints the pattern space at the end of each cycle unless -n is given",
            "applies g to every match on the line", "treats $ as the last line of the last file" },
        { "subst_global", "address_range", "hold_space", "delete_lines", "print_n", "regex_groups" },
        { "parse_script", "run_command", "match_address", "substitute" },
        { { "-n '2,4p' tests/data/words.txt", fields }, { "'s/a/b/g' tests/data/lines.txt", plainText } } });
    add({ "tssql", "runs SQL queries over CSV files",
        { { "-H", "the first line holds column names" }, { "--header", "the same as -H" },
            { "-d", "the field delimiter" }, { "--output", "the output format: table, csv or json" } },
        { "a WHERE clause", "an ORDER BY with two keys", "a NULL value", "a GROUP BY", "the column alignment" },
        { "pads columns to the widest value", "prints (N rows) after the table", "sorts NULL first" },
        { "select_where", "order_by", "group_count", "null_values", "joins", "aliases" },
        { "parse_query", "eval_where", "print_table", "sort_rows" },
        { { "'SELECT name, city, age FROM people WHERE age > 30' tests/data/people.csv", table } } });
    add({ "bib2json", "converts BibLaTeX entries to CSL JSON",
        { { "-f biblatex", "read BibLaTeX" }, { "-t csljson", "write CSL JSON" } },
        { "a title with braces", "the date field", "an author list with and", "a crossref", "LaTeX accents" },
        { "splits author lists on and", "keeps protected capitals in titles", "maps @article to article-journal" },
        { "article", "book", "authors", "dates", "accents", "crossref" },
        { "parse_entry", "convert_names", "emit_csl", "unescape_latex" }, { { "tests/data/refs.bib", csl } } });
    add({ "ruff", "lints Python code",
        { { "check", "lint the given files" }, { "--select", "enable the rules with these codes or prefixes" },
            { "--ignore", "disable these rules" }, { "--statistics", "count the diagnostics by rule" },
            { "--output-format", "text, json or grouped" } },
        { "an unused import", "a noqa comment", "the rule selector", "the fix suggestion", "the line length" },
        { "sorts diagnostics by file, line and column", "honours noqa comments on the same line" },
        { "f401_unused", "e711_none", "noqa_comment", "select_prefix", "statistics" },
        { "check_file", "visit_expr", "report_diagnostic", "parse_module" },
        { { "check --select F,E tests/data/pkg/", diagnostics } } });
    add({ "pkl", "evaluates Pkl configuration files",
        { { "eval", "evaluate modules and print the result" }, { "-f", "the output format" },
            { "--format", "the same as -f" }, { "-p", "set an external property" } },
        { "an amended object", "a typed property", "a listing", "the output format", "a late-bound reference" },
        { "renders strings with double quotes", "evaluates properties lazily",
            "reports a type mismatch with its location" },
        { "basic_eval", "amends", "listings", "type_errors", "format_json" },
        { "eval_module", "resolve_property", "render_value", "parse_module" },
        { { "eval tests/data/config.pkl", pklOutput } } });
    add({ "cprepro", "preprocesses C source files",
        { { "-E", "preprocess only" }, { "-D", "define a macro" }, { "-I", "add a directory to the include path" },
            { "-U", "undefine a macro" } },
        { "a function-like macro", "the line markers", "token pasting", "an include guard", "a variadic macro" },
        { "writes line markers when it changes file", "keeps a space between tokens that would paste" },
        { "object_macro", "function_macro", "stringify", "token_paste", "include_guard", "conditionals" },
        { "expand_macro", "read_directive", "emit_line_marker", "paste_tokens" },
        { { "tests/data/macros.c", preprocessed } } });
    return all;
}
}

const ProgramProfile& ProgramProfile::find(const QByteArray& program)
{
    static const std::map<QByteArray, ProgramProfile> all = profiles();
    static const ProgramProfile unknown { "program", "transforms its input text line by line",
        { { "-n", "number the output lines" }, { "-v", "report each line it skips" }, { "-o", "write to FILE" } },
        { "an empty line", "the last line without a newline", "the exit status", "a long input line" },
        { "stops at the first invalid line with exit status 1", "keeps the order of its input" },
        { "basic", "empty_input", "long_lines", "invalid_args", "unicode" },
        { "process_line", "parse_args", "write_output" },
        { { "tests/data/input_01.txt", plainText }, { "--bogus; echo \"exit: $?\"", usageError } } };
    const auto found = all.find(program);
    return found == all.end() ? unknown : found->second;
}

QByteArray ProgramProfile::testName(int index) const
{
    return QByteArray(tests[size_t(index) % tests.size()]) + '_' + QByteArray::number(index).rightJustified(4, '0');
}

QByteArray ProgramProfile::help() const
{
    QByteArray out = QByteArray("Usage: ") + program + " [OPTION]... [FILE]...\n" + QByteArray(what).left(1).toUpper()
        + (what + 1) + ".\n\nOptions:\n";
    for (const auto& [flag, description] : flags)
        out += QByteArray("  ") + QByteArray(flag).leftJustified(20) + ' ' + description + '\n';
    return out + "  -h, --help           print this help and exit\n";
}
