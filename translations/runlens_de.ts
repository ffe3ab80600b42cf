<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>Events</name>
    <message>
        <source>model error: %1</source>
        <translation>Modellfehler: %1</translation>
    </message>
    <message>
        <source> (intermediate)</source>
        <translation> (Zwischenstand)</translation>
    </message>
    <message>
        <source>%1 compaction: %2 → %3 tokens</source>
        <translation>%1-Verdichtung: %2 → %3 Token</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform><numerusform>%n Änderungen</numerusform></translation>
    </message>
</context>
<context>
    <name>Importer</name>
    <message>
        <source>the store is busy: %1</source>
        <translation>der Speicher ist belegt: %1</translation>
    </message>
    <message>
        <source>cannot replace the earlier import: %1</source>
        <translation>der frühere Import lässt sich nicht ersetzen: %1</translation>
    </message>
    <message>
        <source>cannot write to the store: %1</source>
        <translation>in den Speicher lässt sich nicht schreiben: %1</translation>
    </message>
    <message>
        <source>cannot commit to the store: %1</source>
        <translation>der Speicher lässt sich nicht festschreiben: %1</translation>
    </message>
    <message>
        <source>cannot open: %1</source>
        <translation>lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>lässt sich nicht lesen: %1</translation>
    </message>
</context>
<context>
    <name>InspectLogReader</name>
    <message>
        <source>cannot open: %1</source>
        <translation>lässt sich nicht öffnen: %1</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>die Datei ist leer</translation>
    </message>
    <message>
        <source>not an Inspect log: neither a zip archive nor a JSON object</source>
        <translation>kein Inspect-Log: weder ein ZIP-Archiv noch ein JSON-Objekt</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>read error: %1</source>
        <translation>Lesefehler: %1</translation>
    </message>
    <message>
        <source>member %1: chunked samples (inspect log convert-chunked) are not supported yet</source>
        <translation>Eintrag %1: zerlegte Samples (inspect log convert-chunked) werden noch nicht unterstützt</translation>
    </message>
    <message>
        <source>member %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <source>not an Inspect log: the archive has neither header.json nor _journal/start.json</source>
        <translation>kein Inspect-Log: das Archiv hat weder header.json noch _journal/start.json</translation>
    </message>
    <message>
        <source>log version %1 is newer than Runlens knows (2); read leniently</source>
        <translation>Log-Version %1 ist neuer als Runlens kennt (2); nachsichtig gelesen</translation>
    </message>
    <message>
        <source>the store refused the run</source>
        <translation>der Speicher hat den Lauf abgelehnt</translation>
    </message>
    <message>
        <source>member %1: the sample ends early</source>
        <translation>Eintrag %1: das Sample endet vorzeitig</translation>
    </message>
    <message>
        <source>member %1: expected a list of sample summaries</source>
        <translation>Eintrag %1: eine Liste von Sample-Zusammenfassungen erwartet</translation>
    </message>
    <message>
        <source>the store refused sample %1</source>
        <translation>der Speicher hat Sample %1 abgelehnt</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>unsupported log version %1 (Runlens reads versions 1 and 2)</source>
        <translation>nicht unterstützte Log-Version %1 (Runlens liest die Versionen 1 und 2)</translation>
    </message>
    <message>
        <source>invalid JSON: the document ends early, at byte %1 (truncated?)</source>
        <translation>ungültiges JSON: das Dokument endet vorzeitig bei Byte %1 (abgeschnitten?)</translation>
    </message>
</context>
<context>
    <name>Json</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>ungültiges JSON bei Byte %1: %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Runlens</source>
        <translation>Runlens</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), %1 samples in %2</source>
        <translation>
            <numerusform>%n Lauf, %1 Samples in %2</numerusform><numerusform>%n Läufe, %1 Samples in %2</numerusform></translation>
    </message>
</context>
<context>
    <name>ProcessOutcome</name>
    <message>
        <source>exit %1</source>
        <translation>Exit %1</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>Zeitüberschreitung</translation>
    </message>
    <message>
        <source>output limit</source>
        <translation>Ausgabelimit</translation>
    </message>
    <message>
        <source>signal %1 (%2)</source>
        <translation>Signal %1 (%2)</translation>
    </message>
    <message>
        <source>CPU time limit</source>
        <translation>CPU-Zeitlimit</translation>
    </message>
    <message>
        <source>file size limit</source>
        <translation>Dateigrößenlimit</translation>
    </message>
    <message>
        <source>memory limit</source>
        <translation>Speicherlimit</translation>
    </message>
    <message>
        <source>did not start: %1</source>
        <translation>nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>RerunDialog</name>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Re-run the final code of sample %1</source>
        <translation>Den endgültigen Code von Sample %1 erneut testen</translation>
    </message>
    <message>
        <source>Re-run sample %1 as it stood at step %2</source>
        <translation>Sample %1 im Stand von Schritt %2 erneut testen</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>default: the workspace's program, or python3 on its one .py file; {workspace} is its folder</source>
        <translation>Vorgabe: das Programm des Arbeitsbereichs oder python3 mit seiner einzigen .py-Datei; {workspace} ist sein Ordner</translation>
    </message>
    <message>
        <source>Test suite:</source>
        <translation>Testsuite:</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>Select a failed test to see expected against actual output.</source>
        <translation>Einen fehlgeschlagenen Test wählen, um erwartete und tatsächliche Ausgabe zu vergleichen.</translation>
    </message>
    <message>
        <source>Test suite</source>
        <translation>Testsuite</translation>
    </message>
    <message>
        <source>Test suites (*.jsonl);;All files (*)</source>
        <translation>Testsuiten (*.jsonl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Rebuilding the workspace and running the tests…</source>
        <translation>Arbeitsbereich wird wiederhergestellt und die Tests laufen…</translation>
    </message>
    <message>
        <source>The rebuilt workspace has no program to run: name one.</source>
        <translation>Der wiederhergestellte Arbeitsbereich hat kein ausführbares Programm: bitte eines angeben.</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>Visible %1/%2, held-out %3/%4 in %5 s.</source>
        <translation>Sichtbar %1/%2, zurückgehalten %3/%4 in %5 s.</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier step(s) changed files in ways that could not be followed.</source>
        <translation>
            <numerusform>%n früherer Schritt hat Dateien auf nicht nachvollziehbare Weise geändert.</numerusform><numerusform>%n frühere Schritte haben Dateien auf nicht nachvollziehbare Weise geändert.</numerusform></translation>
    </message>
    <message>
        <source>The network was reachable: this system allows no private network namespace.</source>
        <translation>Das Netzwerk war erreichbar: dieses System erlaubt keinen privaten Netzwerk-Namensraum.</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>The accuracy computed from the samples differs from the one in the log's header.</source>
        <translation>Die aus den Samples berechnete Genauigkeit weicht von der im Log-Kopf ab.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Genauigkeit</translation>
    </message>
    <message>
        <source>Header accuracy</source>
        <translation>Genauigkeit laut Kopf</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
</context>
<context>
    <name>SampleParser</name>
    <message>
        <source>the store refused an attachment</source>
        <translation>der Speicher hat einen Anhang abgelehnt</translation>
    </message>
    <message>
        <source>the store refused a model call</source>
        <translation>der Speicher hat einen Modellaufruf abgelehnt</translation>
    </message>
    <message>
        <source>the store refused a message</source>
        <translation>der Speicher hat eine Nachricht abgelehnt</translation>
    </message>
    <message>
        <source>event %1 is not valid JSON</source>
        <translation>Ereignis %1 ist kein gültiges JSON</translation>
    </message>
    <message>
        <source>the store refused an event</source>
        <translation>der Speicher hat ein Ereignis abgelehnt</translation>
    </message>
    <message>
        <source>the store refused sample %1</source>
        <translation>der Speicher hat Sample %1 abgelehnt</translation>
    </message>
</context>
<context>
    <name>SandboxedProcess</name>
    <message>
        <source>no command</source>
        <translation>kein Befehl</translation>
    </message>
</context>
<context>
    <name>Store</name>
    <message>
        <source>cannot open the store %1: %2</source>
        <translation>der Speicher %1 lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1 is not a Runlens store: %2</source>
        <translation>%1 ist kein Runlens-Speicher: %2</translation>
    </message>
    <message>
        <source>the store has schema version %1, newer than this Runlens (%2)</source>
        <translation>der Speicher hat die Schemaversion %1, neuer als dieses Runlens (%2)</translation>
    </message>
    <message>
        <source>cannot migrate the store to version %1: %2</source>
        <translation>der Speicher lässt sich nicht auf Version %1 bringen: %2</translation>
    </message>
</context>
<context>
    <name>StoreWriter</name>
    <message>
        <source>cannot write to the store: %1</source>
        <translation>in den Speicher lässt sich nicht schreiben: %1</translation>
    </message>
</context>
<context>
    <name>TestResultModel</name>
    <message>
        <source>held-out</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>sichtbar</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Visibility</source>
        <translation>Sichtbarkeit</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Sekunden</translation>
    </message>
</context>
<context>
    <name>TestRunner</name>
    <message>
        <source>input file %1 lies outside the test directory; refused</source>
        <translation>Eingabedatei %1 liegt außerhalb des Testordners; abgelehnt</translation>
    </message>
    <message>
        <source>wrote outside its directory: %1</source>
        <translation>hat außerhalb seines Ordners geschrieben: %1</translation>
    </message>
    <message>
        <source>exit code %1, expected %2</source>
        <translation>Exit-Code %1, erwartet %2</translation>
    </message>
    <message>
        <source>stdout differs</source>
        <translation>stdout weicht ab</translation>
    </message>
    <message>
        <source>stdout:</source>
        <translation>stdout:</translation>
    </message>
    <message>
        <source>stderr differs</source>
        <translation>stderr weicht ab</translation>
    </message>
    <message>
        <source>stderr:</source>
        <translation>stderr:</translation>
    </message>
    <message>
        <source>build failed (%1): %2</source>
        <translation>Build fehlgeschlagen (%1): %2</translation>
    </message>
    <message>
        <source>build failed</source>
        <translation>Build fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>TestSuite</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1, line %2: not a JSON object (%3)</source>
        <translation>%1, Zeile %2: kein JSON-Objekt (%3)</translation>
    </message>
    <message>
        <source>%1, line %2: the test has no id</source>
        <translation>%1, Zeile %2: der Test hat keine ID</translation>
    </message>
    <message>
        <source>%1: has neither args nor expected_stdout</source>
        <translation>%1: hat weder args noch expected_stdout</translation>
    </message>
    <message>
        <source>%1: no test folders</source>
        <translation>%1: keine Testordner</translation>
    </message>
</context>
<context>
    <name>WorkspaceBuilder</name>
    <message>
        <source>cannot read the transcript: %1</source>
        <translation>das Transkript lässt sich nicht lesen: %1</translation>
    </message>
    <message>
        <source>%1 outside the workspace root %2</source>
        <translation>%1 außerhalb der Arbeitsbereichswurzel %2</translation>
    </message>
    <message>
        <source>str_replace whose old text is not found exactly once</source>
        <translation>str_replace, dessen alter Text nicht genau einmal vorkommt</translation>
    </message>
    <message>
        <source>undo_edit with nothing to undo</source>
        <translation>undo_edit ohne etwas rückgängig zu machen</translation>
    </message>
    <message>
        <source>write outside the workspace root %1</source>
        <translation>Schreiben außerhalb der Arbeitsbereichswurzel %1</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: lässt sich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>ZipReader</name>
    <message>
        <source>damaged zip archive (truncated or corrupt central directory): %1</source>
        <translation>beschädigtes ZIP-Archiv (abgeschnitten oder zentrales Verzeichnis defekt): %1</translation>
    </message>
    <message>
        <source>member %1: %2</source>
        <translation>Eintrag %1: %2</translation>
    </message>
    <message>
        <source>member %1 cannot be decompressed: %2</source>
        <translation>Eintrag %1 lässt sich nicht entpacken: %2</translation>
    </message>
    <message>
        <source>not a complete zip archive: truncated, or its central directory is damaged (%1)</source>
        <translation>kein vollständiges ZIP-Archiv: abgeschnitten, oder sein zentrales Verzeichnis ist beschädigt (%1)</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>The store file (default: %1).</source>
        <translation>Die Speicherdatei (Vorgabe: %1).</translation>
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
  rerun SAMPLE     re-run a suite on a sample's code at steps of its transcript

Run 'runlens-cli COMMAND --help' for a command's options.
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>runlens-cli: unknown command '%1'
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>Runlens: explore Inspect AI eval runs.</source>
        <translation>Runlens: Inspect-AI-Evaluationsläufe erkunden.</translation>
    </message>
    <message>
        <source>The store file (default: %1).</source>
        <translation>Die Speicherdatei (Vorgabe: %1).</translation>
    </message>
    <message>
        <source>Language, e.g. de (default: the system's).</source>
        <translation>Sprache, z. B. de (Vorgabe: die des Systems).</translation>
    </message>
    <message>
        <source>Render a view offscreen instead of opening the window: main, rerun.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>The sample (store id) a view shows.</source>
        <translation>Das Sample (Speicher-ID), das eine Ansicht zeigt.</translation>
    </message>
    <message>
        <source>The step (event number) a view starts at.</source>
        <translation>Der Schritt (Ereignisnummer), bei dem eine Ansicht beginnt.</translation>
    </message>
    <message>
        <source>The test suite the rerun view runs.</source>
        <translation>Die Testsuite, die die Wiederholungsansicht ausführt.</translation>
    </message>
    <message>
        <source>PNG file for --render.</source>
        <translation>PNG-Datei für --render.</translation>
    </message>
    <message>
        <source>Runlens</source>
        <translation>Runlens</translation>
    </message>
    <message>
        <source>unknown view '%1' (known: main, rerun)
</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>cannot write the PNG '%1'
</source>
        <translation>die PNG-Datei '%1' lässt sich nicht schreiben
</translation>
    </message>
</context>
</TS>