<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Events</name>
    <message>
        <source>model error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (intermediate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 compaction: %2 → %3 tokens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>the store is busy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot replace the earlier import: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write to the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot commit to the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InspectLogReader</name>
    <message>
        <source>cannot open: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an Inspect log: neither a zip archive nor a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1: chunked samples (inspect log convert-chunked) are not supported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not an Inspect log: the archive has neither header.json nor _journal/start.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>log version %1 is newer than Runlens knows (2); read leniently</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1: the sample ends early</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1: expected a list of sample summaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unsupported log version %1 (Runlens reads versions 1 and 2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Json</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Runlens</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), %1 samples in %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProcessOutcome</name>
    <message>
        <source>exit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPU time limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>file size limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>memory limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did not start: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RerunDialog</name>
    <message>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run the final code of sample %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re-run sample %1 as it stood at step %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>default: the workspace&apos;s program, or python3 on its one .py file; {workspace} is its folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test suite:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Program:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a failed test to see expected against actual output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test suite</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test suites (*.jsonl);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rebuilding the workspace and running the tests…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rebuilt workspace has no program to run: name one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visible %1/%2, held-out %3/%4 in %5 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n earlier step(s) changed files in ways that could not be followed.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The network was reachable: this system allows no private network namespace.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>unscored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The accuracy computed from the samples differs from the one in the log&apos;s header.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleParser</name>
    <message>
        <source>the store refused an attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused a model call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>event %1 is not valid JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused an event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store refused sample %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SandboxedProcess</name>
    <message>
        <source>no command</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>cannot open the store %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Runlens store: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the store has schema version %1, newer than this Runlens (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot migrate the store to version %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StoreWriter</name>
    <message>
        <source>cannot write to the store: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestResultModel</name>
    <message>
        <source>held-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestRunner</name>
    <message>
        <source>input file %1 lies outside the test directory; refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wrote outside its directory: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit code %1, expected %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdout differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stdout:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stderr differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stderr:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build failed (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>build failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TestSuite</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: not a JSON object (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, line %2: the test has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: has neither args nor expected_stdout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no test folders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkspaceBuilder</name>
    <message>
        <source>cannot read the transcript: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outside the workspace root %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>str_replace whose old text is not found exactly once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>undo_edit with nothing to undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>write outside the workspace root %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ZipReader</name>
    <message>
        <source>cannot open as a zip archive: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>damaged zip archive (truncated or corrupt central directory): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>member %1 cannot be decompressed: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>The store file (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Usage: runlens-cli COMMAND [options]

Commands:
  import PATH...   import Inspect logs (.eval, .json; folders recursively) into the store
  runs             list the imported runs with their accuracy
  samples          list the imported samples
  synth            write MirrorCode-shaped Inspect archives (demo data, benchmarks)
  bench            benchmarks: import (beside its floor), runner (beside a shell loop)
  test             run a test suite against a program, sandboxed
  rerun SAMPLE     re-run a suite on a sample&apos;s code at steps of its transcript

Run &apos;runlens-cli COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>runlens-cli: unknown command &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runlens: explore Inspect AI eval runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The store file (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language, e.g. de (default: the system&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Render a view offscreen instead of opening the window: main, rerun.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The sample (store id) a view shows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The step (event number) a view starts at.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The test suite the rerun view runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG file for --render.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Runlens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos; (known: main, rerun)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cannot write the PNG &apos;%1&apos;
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
