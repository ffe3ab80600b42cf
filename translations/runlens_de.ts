<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnatomyPanel</name>
    <message>
        <source>Reading the run…</source>
        <translation>Der Lauf wird gelesen…</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Anatomy&lt;/b&gt;</source>
        <translation>&lt;b&gt;Anatomie&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Save the one-page run report as HTML, Markdown or PDF</source>
        <translation>Den einseitigen Laufbericht als HTML, Markdown oder PDF speichern</translation>
    </message>
    <message>
        <source>The sample is not in the store.</source>
        <translation>Das Sample ist nicht im Speicher.</translation>
    </message>
    <message>
        <source>Could not read the run: %1</source>
        <translation>Der Lauf konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Solved</source>
        <translation>Gelöst</translation>
    </message>
    <message>
        <source>Not solved</source>
        <translation>Nicht gelöst</translation>
    </message>
    <message>
        <source>Not scored</source>
        <translation>Nicht bewertet</translation>
    </message>
    <message>
        <source>: %1 of visible tests, %2 held-out</source>
        <translation>: %1 der sichtbaren Tests, %2 der zurückgehaltenen</translation>
    </message>
    <message>
        <source>; stopped by its %1 limit</source>
        <translation>; durch sein %1-Limit beendet</translation>
    </message>
    <message>
        <source>; ended by an error: %1</source>
        <translation>; durch einen Fehler beendet: %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;No test runs: no best point, plateaus or regressions.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Keine Testläufe: kein bester Punkt, keine Plateaus oder Rückschritte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Best: %1, %2 of held-out and %3 of visible tests. </source>
        <translation>&lt;p&gt;Bester Punkt: %1, %2 der zurückgehaltenen und %3 der sichtbaren Tests. </translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 and %2 after the last improvement&lt;/b&gt; (%3 steps).&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1 und %2 nach der letzten Verbesserung&lt;/b&gt; (%3 Schritte).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Plateaus, longest first&lt;/h4&gt;&lt;ol&gt;</source>
        <translation>&lt;h4&gt;Plateaus, die längsten zuerst&lt;/h4&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>, mostly %1</source>
        <translation>, überwiegend %1</translation>
    </message>
    <message>
        <source>%1</source>
        <translation>%1</translation>
    </message>
    <message>
        <source>%1 at %2, %3, %4%5%6</source>
        <translation>%1 bei %2, %3, %4%5%6</translation>
    </message>
    <message>
        <source>1 test run</source>
        <translation>1 Testlauf</translation>
    </message>
    <message>
        <source>%1 test runs</source>
        <translation>%1 Testläufe</translation>
    </message>
    <message>
        <source> (to the end)</source>
        <translation> (bis zum Ende)</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Regressions&lt;/h4&gt;&lt;ol&gt;</source>
        <translation>&lt;h4&gt;Rückschritte&lt;/h4&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>held-out</source>
        <translation>zurückgehalten</translation>
    </message>
    <message>
        <source>visible</source>
        <translation>sichtbar</translation>
    </message>
    <message>
        <source>no edit between</source>
        <translation>keine Änderung dazwischen</translation>
    </message>
    <message>
        <source>edits at %1 (%2 lines)</source>
        <translation>Änderungen bei %1 (%2 Zeilen)</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Compactions (%1)&lt;/h4&gt;&lt;ol&gt;</source>
        <translation>&lt;h4&gt;Verdichtungen (%1)&lt;/h4&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>%L1 → %L2 tokens, %3 passing before, %4 after</source>
        <translation>%L1 → %L2 Token, vorher %3 bestanden, danach %4</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Activities&lt;/h4&gt;&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;activity&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;turns&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;time&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;dollars&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;h4&gt;Tätigkeiten&lt;/h4&gt;&lt;table cellspacing=&quot;0&quot; cellpadding=&quot;2&quot;&gt;&lt;tr&gt;&lt;th align=&quot;left&quot;&gt;Tätigkeit&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;Runden&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;Zeit&lt;/th&gt;&lt;th align=&quot;right&quot;&gt;Dollar&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Loops&lt;/h4&gt;&lt;ol&gt;</source>
        <translation>&lt;h4&gt;Schleifen&lt;/h4&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>steps %1–%2</source>
        <translation>Schritte %1–%2</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</source>
        <translation>PDF (*.pdf);;HTML (*.html);;Markdown (*.md)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>&lt;p&gt;…and %1 more.&lt;/p&gt;</source>
        <translation>&lt;p&gt;…und %1 weitere.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Tests&lt;/h4&gt;&lt;p&gt;%1 test runs name only some tests: at best %2 of %3 passed, %4 at the end; at least %5 never passed.&lt;/p&gt;</source>
        <translation>&lt;h4&gt;Tests&lt;/h4&gt;&lt;p&gt;%1 Testläufe nennen nur einige Tests: bestenfalls %2 von %3 bestanden, %4 am Ende; mindestens %5 nie bestanden.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Tests&lt;/h4&gt;&lt;p&gt;%1 of %2 never passed</source>
        <translation>&lt;h4&gt;Tests&lt;/h4&gt;&lt;p&gt;%1 von %2 nie bestanden</translation>
    </message>
    <message>
        <source>&lt;p&gt;No test broke after passing.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kein Test scheiterte, nachdem er bestanden hatte.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Broke after passing:&lt;/p&gt;&lt;ol&gt;</source>
        <translation>&lt;p&gt;Nach dem Bestehen gescheitert:&lt;/p&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>passed at %1, failed at %2, %3</source>
        <translation>bestanden bei %1, gescheitert bei %2, %3</translation>
    </message>
    <message>
        <source>never passed again</source>
        <translation>nie wieder bestanden</translation>
    </message>
    <message>
        <source>passed again at %1</source>
        <translation>erneut bestanden bei %1</translation>
    </message>
    <message>
        <source>&lt;h4&gt;Edits that undo earlier edits&lt;/h4&gt;&lt;ol&gt;</source>
        <translation>&lt;h4&gt;Änderungen, die frühere Änderungen rückgängig machen&lt;/h4&gt;&lt;ol&gt;</translation>
    </message>
    <message>
        <source>%1 undoes %2 in %3 (%4)</source>
        <translation>%1 macht %2 in %3 rückgängig (%4)</translation>
    </message>
    <message>
        <source>the file as it was</source>
        <translation>die Datei wie zuvor</translation>
    </message>
    <message>
        <source>its texts swapped back</source>
        <translation>ihre Texte zurückgetauscht</translation>
    </message>
    <message>
        <source>; tests failing throughout: %1</source>
        <translation>; durchgehend fehlschlagende Tests: %1</translation>
    </message>
</context>
<context>
    <name>AnatomyReport</name>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>not solved</source>
        <translation>nicht gelöst</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>, stopped by its %1 limit</source>
        <translation>, durch sein %1-Limit gestoppt</translation>
    </message>
    <message>
        <source>, ended by an error: %1</source>
        <translation>, durch einen Fehler beendet: %1</translation>
    </message>
    <message>
        <source>%1 (epoch %2), %3 on %4: %5. Final held-out %6, visible %7; %8 steps, %9 working, %10.</source>
        <translation>%1 (Epoche %2), %3 auf %4: %5. Am Ende zurückgehalten %6, sichtbar %7; %8 Schritte, %9 Arbeitszeit, %10.</translation>
    </message>
    <message>
        <source>Best point at step %1 (held-out %2, visible %3). After the last gain: %4 and %5 over %6 steps.</source>
        <translation>Bester Punkt bei Schritt %1 (zurückgehalten %2, sichtbar %3). Nach dem letzten Zugewinn: %4 und %5 über %6 Schritte.</translation>
    </message>
    <message>
        <source>No test run with a pass fraction: no best point, plateaus or regressions.</source>
        <translation>Kein Testlauf mit Bestehensanteil: kein bester Punkt, keine Plateaus oder Regressionen.</translation>
    </message>
    <message>
        <source>Longest plateau: steps %1 to %2, %3 test runs at %4, %5 and %6.</source>
        <translation>Längstes Plateau: Schritte %1 bis %2, %3 Testläufe bei %4, %5 und %6.</translation>
    </message>
    <message>
        <source># Run report: %1

</source>
        <translation># Laufbericht: %1

</translation>
    </message>
    <message>
        <source>
## Activities

| activity | turns | working time | dollars |
|---|---:|---:|---:|
</source>
        <translation>
## Tätigkeiten

| Tätigkeit | Runden | Arbeitszeit | Dollar |
|---|---:|---:|---:|
</translation>
    </message>
    <message>
        <source>
## Regressions

| steps | held-out | visible | edits at steps | files | diff lines |
|---|---|---|---|---|---:|
</source>
        <translation>
## Regressionen

| Schritte | zurückgehalten | sichtbar | Bearbeitungen bei Schritten | Dateien | Diff-Zeilen |
|---|---|---|---|---|---:|
</translation>
    </message>
    <message>
        <source>
## Compactions

| step | tokens before | after | pass before | after | files re-read |
|---:|---:|---:|---:|---:|---|
</source>
        <translation>
## Verdichtungen

| Schritt | Token vorher | nachher | bestanden vorher | nachher | neu gelesene Dateien |
|---:|---:|---:|---:|---:|---|
</translation>
    </message>
    <message>
        <source>
## Loops

| command | runs | steps |
|---|---:|---|
</source>
        <translation>
## Schleifen

| Befehl | Ausführungen | Schritte |
|---|---:|---|
</translation>
    </message>
    <message>
        <source>step %1</source>
        <translation>Schritt %1</translation>
    </message>
    <message>
        <source>Run report: %1</source>
        <translation>Laufbericht: %1</translation>
    </message>
    <message>
        <source>Code: %1 lines at the first test run, %2 at the last.</source>
        <translation>Code: %1 Zeilen beim ersten Testlauf, %2 beim letzten.</translation>
    </message>
    <message>
        <source>
## Edits undone

| step | undoes step | file | how |
|---:|---:|---|---|
</source>
        <translation>
## Rückgängig gemachte Bearbeitungen

| Schritt | macht Schritt rückgängig | Datei | wie |
|---:|---:|---|---|
</translation>
    </message>
    <message>
        <source>file as it was before</source>
        <translation>Datei wie vorher</translation>
    </message>
    <message>
        <source>old and new texts swapped</source>
        <translation>alter und neuer Text vertauscht</translation>
    </message>
    <message>
        <source>
## Tests

</source>
        <translation>
## Tests

</translation>
    </message>
    <message>
        <source>The test output does not name every test it counts: %1 test runs, at best %2 of %3 tests passed, at the end %4; at least %5 never passed and at least %6 broke after passing.
</source>
        <translation>Die Testausgabe nennt nicht jeden Test, den sie zählt: %1 Testläufe, bestenfalls %2 von %3 Tests bestanden, am Ende %4; mindestens %5 nie bestanden und mindestens %6 nach dem Bestehen gescheitert.
</translation>
    </message>
    <message>
        <source>%1 test runs; %2 of %3 tests never passed</source>
        <translation>%1 Testläufe; %2 von %3 Tests nie bestanden</translation>
    </message>
    <message>
        <source>No test broke after passing.
</source>
        <translation>Kein Test scheiterte, nachdem er bestanden hatte.
</translation>
    </message>
    <message>
        <source>
| test | passed at step | broke at step | passed again at |
|---|---:|---:|---:|
</source>
        <translation>
| Test | bestanden bei Schritt | gescheitert bei Schritt | erneut bestanden bei |
|---|---:|---:|---:|
</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>
…and %1 more breaks.
</source>
        <translation>
…und %1 weitere Rückfälle.
</translation>
    </message>
    <message>
        <source>top: %1 lines of code</source>
        <translation>oben: %1 Codezeilen</translation>
    </message>
    <message>
        <source>&lt;text x=&quot;%1&quot; y=&quot;%2&quot;&gt;visible blue, held-out orange; plateaus shaded, regressions red, best point green, compactions grey%3&lt;/text&gt;</source>
        <translation>&lt;text x=&quot;%1&quot; y=&quot;%2&quot;&gt;sichtbar blau, zurückgehalten orange; Plateaus schattiert, Regressionen rot, bester Punkt grün, Verdichtungen grau%3&lt;/text&gt;</translation>
    </message>
    <message>
        <source>, code lines dotted</source>
        <translation>, Codezeilen gepunktet</translation>
    </message>
    <message>
        <source>Regressions: %1. Compactions: %2. Loops (a command run %4 or more times with no edit between): %3.</source>
        <translation>Regressionen: %1. Verdichtungen: %2. Schleifen (ein Befehl %4-mal oder öfter ohne Bearbeitung dazwischen ausgeführt): %3.</translation>
    </message>
    <message>
        <source>Tests that never passed: %1 of %2. Times a passing test broke: %3.</source>
        <translation>Nie bestandene Tests: %1 von %2. Wie oft ein bestandener Test scheiterte: %3.</translation>
    </message>
    <message>
        <source>Edits that undid an earlier edit: %1.</source>
        <translation>Bearbeitungen, die eine frühere rückgängig machten: %1.</translation>
    </message>
    <message>
        <source>
## Plateaus (longest first)

| steps | test runs | at | time | dollars | mostly | repeated | files edited | kept failing |
|---|---:|---:|---:|---:|---|---|---|---:|
</source>
        <translation>
## Plateaus (längste zuerst)

| Schritte | Testläufe | bei | Zeit | Dollar | überwiegend | wiederholt | bearbeitete Dateien | weiter fehlschlagend |
|---|---:|---:|---:|---:|---|---|---|---:|
</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>nichts</translation>
    </message>
    <message>
        <source>Mostly %1 up to the best point; %2 after it.</source>
        <translation>Bis zum besten Punkt überwiegend %1; danach %2.</translation>
    </message>
</context>
<context>
    <name>AnatomyStatistics</name>
    <message>
        <source>samples in the group, every epoch a sample (a run) of its own; scored: those with test runs, which alone count in the figures of the best point, plateaus and regressions</source>
        <translation>Samples in der Gruppe, jede Epoche ein eigenes Sample (ein Lauf); bewertet: die mit Testläufen, die allein in die Kennzahlen zu bestem Punkt, Plateaus und Regressionen eingehen</translation>
    </message>
    <message>
        <source>dollars spent after the last gain (the test run where the pass fraction peaked first), summed over the samples with test runs; priced calls only</source>
        <translation>nach dem letzten Zugewinn ausgegebene Dollar (der Testlauf, bei dem der Bestehensanteil erstmals seinen Höchstwert erreichte), summiert über die Samples mit Testläufen; nur Aufrufe mit Preis</translation>
    </message>
    <message>
        <source>pooled over the samples with test runs: dollars after the last gain summed / their dollars summed</source>
        <translation>gepoolt über die Samples mit Testläufen: Summe der Dollar nach dem letzten Zugewinn / Summe ihrer Dollar</translation>
    </message>
    <message>
        <source>working time after the last gain, seconds, summed over the samples with test runs</source>
        <translation>Arbeitszeit nach dem letzten Zugewinn in Sekunden, summiert über die Samples mit Testläufen</translation>
    </message>
    <message>
        <source>pooled over the samples with test runs: working time after the last gain summed / their working time summed</source>
        <translation>gepoolt über die Samples mit Testläufen: Summe der Arbeitszeit nach dem letzten Zugewinn / Summe ihrer Arbeitszeit</translation>
    </message>
    <message>
        <source>mean over the samples with test runs of the working time, seconds, in their plateaus (stretches of test runs with no gain)</source>
        <translation>Mittel über die Samples mit Testläufen der Arbeitszeit in Sekunden in ihren Plateaus (Strecken von Testläufen ohne Zugewinn)</translation>
    </message>
    <message>
        <source>pooled over the samples with test runs: plateau working time summed / their working time summed</source>
        <translation>gepoolt über die Samples mit Testläufen: Summe der Plateau-Arbeitszeit / Summe ihrer Arbeitszeit</translation>
    </message>
    <message>
        <source>drops in pass fraction from one test run to the next, counted over the samples with test runs</source>
        <translation>Rückgänge des Bestehensanteils von einem Testlauf zum nächsten, gezählt über die Samples mit Testläufen</translation>
    </message>
    <message>
        <source>mean over the samples with test runs of their regressions</source>
        <translation>Mittel ihrer Regressionen über die Samples mit Testläufen</translation>
    </message>
    <message>
        <source>compactions of the agent&apos;s history, counted over every sample</source>
        <translation>Verdichtungen des Verlaufs des Agenten, gezählt über alle Samples</translation>
    </message>
    <message>
        <source>mean over every sample of its compactions</source>
        <translation>Mittel seiner Verdichtungen über alle Samples</translation>
    </message>
    <message>
        <source>dollars of the turns of an activity (a turn counts for the activity of its first tool call), summed over every sample; priced calls only</source>
        <translation>Dollar der Runden einer Tätigkeit (eine Runde zählt zur Tätigkeit ihres ersten Tool-Aufrufs), summiert über alle Samples; nur Aufrufe mit Preis</translation>
    </message>
    <message>
        <source>pooled over every sample: an activity&apos;s dollars summed / all dollars summed</source>
        <translation>gepoolt über alle Samples: Summe der Dollar einer Tätigkeit / Summe aller Dollar</translation>
    </message>
</context>
<context>
    <name>AnatomyStatisticsModel</name>
    <message numerus="yes">
        <source>%n model call(s) with no price left out</source>
        <translation>
            <numerusform>%n Modellaufruf ohne Preis ausgelassen</numerusform>
            <numerusform>%n Modellaufrufe ohne Preis ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <source>dollars summed over the samples of the group; priced calls only</source>
        <translation>Dollar, summiert über die Samples der Gruppe; nur Aufrufe mit Preis</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Scored</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>$ after last gain</source>
        <translation>$ nach letztem Zugewinn</translation>
    </message>
    <message>
        <source>Time after last gain</source>
        <translation>Zeit nach letztem Zugewinn</translation>
    </message>
    <message>
        <source>Plateau time / run</source>
        <translation>Plateauzeit / Lauf</translation>
    </message>
    <message>
        <source>Plateau share</source>
        <translation>Plateauanteil</translation>
    </message>
    <message>
        <source>Regressions / run</source>
        <translation>Regressionen / Lauf</translation>
    </message>
    <message>
        <source>Compactions / run</source>
        <translation>Verdichtungen / Lauf</translation>
    </message>
    <message>
        <source>$ %1</source>
        <translation>$ %1</translation>
    </message>
</context>
<context>
    <name>AnatomyStatisticsView</name>
    <message>
        <source>per model</source>
        <translation>je Modell</translation>
    </message>
    <message>
        <source>per model and size tier</source>
        <translation>je Modell und Größenstufe</translation>
    </message>
    <message>
        <source>&lt;b&gt;Where the time and money went&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wohin Zeit und Geld gingen&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reading the anatomy of %1 of %2 samples…</source>
        <translation>Die Anatomie wird gelesen: %1 von %2 Samples…</translation>
    </message>
    <message numerus="yes">
        <source>Reading the anatomy of %n sample(s)…</source>
        <translation>
            <numerusform>Die Anatomie von %n Sample wird gelesen…</numerusform>
            <numerusform>Die Anatomie von %n Samples wird gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>no tier</source>
        <translation>keine Stufe</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Could not read every run: %1</source>
        <translation>Nicht alle Läufe konnten gelesen werden: %1</translation>
    </message>
    <message>
        <source>%1 of %2 samples read</source>
        <translation>%1 von %2 Samples gelesen</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s), every epoch a run of its own</source>
        <translation>
            <numerusform>%n Sample, jede Epoche ein eigener Lauf</numerusform>
            <numerusform>%n Samples, jede Epoche ein eigener Lauf</numerusform>
        </translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>$ after last gain</source>
        <translation>$ nach letztem Zugewinn</translation>
    </message>
    <message>
        <source>Time after last gain</source>
        <translation>Zeit nach letztem Zugewinn</translation>
    </message>
    <message>
        <source>Plateau time / run</source>
        <translation>Plateauzeit / Lauf</translation>
    </message>
    <message>
        <source>Plateau share</source>
        <translation>Plateauanteil</translation>
    </message>
    <message>
        <source>Regressions / run</source>
        <translation>Regressionen / Lauf</translation>
    </message>
    <message>
        <source>Compactions / run</source>
        <translation>Verdichtungen / Lauf</translation>
    </message>
    <message>
        <source>$ activity</source>
        <translation>$ Tätigkeit</translation>
    </message>
    <message>
        <source>Bars</source>
        <translation>Balken</translation>
    </message>
    <message>
        <source>Dollars per run by activity</source>
        <translation>Dollar je Lauf nach Tätigkeit</translation>
    </message>
    <message>
        <source>No samples: the filter leaves none.</source>
        <translation>Keine Samples: Der Filter lässt keine übrig.</translation>
    </message>
    <message>
        <source>USD per run (mean over samples)</source>
        <translation>USD je Lauf (Mittel über die Samples)</translation>
    </message>
</context>
<context>
    <name>AnatomySummaries</name>
    <message>
        <source>cannot read the anatomy of sample %1: %2</source>
        <translation>die Anatomie von Sample %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
</context>
<context>
    <name>BlockRenderer</name>
    <message>
        <source>… %1 more lines (%2)</source>
        <translation>… %1 weitere Zeilen (%2)</translation>
    </message>
    <message>
        <source>%1 span openings and closings, hidden (Spans shows them)</source>
        <translation>%1 Öffnungen und Schließungen von Spans ausgeblendet („Spans“ zeigt sie)</translation>
    </message>
    <message>
        <source>%1 events folded, up to step %2</source>
        <translation>%1 Ereignisse eingeklappt, bis Schritt %2</translation>
    </message>
    <message>
        <source>… %1 more events up to step %2: the event table lists them</source>
        <translation>… %1 weitere Ereignisse bis Schritt %2: die Ereignistabelle listet sie auf</translation>
    </message>
</context>
<context>
    <name>BubblewrapBox</name>
    <message>
        <source>bubblewrap (bwrap) is not installed</source>
        <translation>bubblewrap (bwrap) ist nicht installiert</translation>
    </message>
    <message>
        <source>bwrap cannot make a box here (no user namespaces)</source>
        <translation>bwrap kann hier keine Box anlegen (keine User-Namespaces)</translation>
    </message>
</context>
<context>
    <name>ChunkCompressor</name>
    <message>
        <source>cannot compress chunk %1</source>
        <translation>Block %1 kann nicht komprimiert werden</translation>
    </message>
</context>
<context>
    <name>ChunkedLayout</name>
    <message>
        <source>sequence %1: bytes after its list</source>
        <translation>Folge %1: Bytes nach ihrer Liste</translation>
    </message>
    <message>
        <source>sequence %1: its list is not complete</source>
        <translation>Folge %1: ihre Liste ist unvollständig</translation>
    </message>
</context>
<context>
    <name>ChunkedSampleIndex</name>
    <message>
        <source>member %1: a chunk is named by its first index, without leading zeros</source>
        <translation>Eintrag %1: ein Block wird nach seinem ersten Index benannt, ohne führende Nullen</translation>
    </message>
    <message>
        <source>chunked sample %1: it has no sample.json</source>
        <translation>Sample in Blöcken %1: es hat keine sample.json</translation>
    </message>
    <message>
        <source>member %1: the first chunk of a sequence starts at item %2, not 0 (is a chunk missing?)</source>
        <translation>Eintrag %1: der erste Block einer Folge beginnt bei Element %2, nicht bei 0 (fehlt ein Block?)</translation>
    </message>
</context>
<context>
    <name>ChunkedSampleReader</name>
    <message>
        <source>member %1: named for attachment %2, but the chunks before it hold %3 attachments (is a chunk missing?)</source>
        <translation>Eintrag %1: nach Anhang %2 benannt, aber die Blöcke davor enthalten %3 Anhänge (fehlt ein Block?)</translation>
    </message>
    <message>
        <source>member %1: not a complete JSON list of strings</source>
        <translation>Eintrag %1: keine vollständige JSON-Liste von Zeichenketten</translation>
    </message>
    <message>
        <source>member %1: not a JSON list of items, or an empty one</source>
        <translation>Eintrag %1: keine JSON-Liste von Elementen oder eine leere</translation>
    </message>
    <message>
        <source>member %1: the JSON list does not end where the member does (truncated?)</source>
        <translation>Eintrag %1: die JSON-Liste endet nicht dort, wo der Eintrag endet (abgeschnitten?)</translation>
    </message>
    <message>
        <source>member %1: not a JSON list</source>
        <translation>Eintrag %1: keine JSON-Liste</translation>
    </message>
    <message>
        <source>member %1: an empty chunk (a chunk holds at least one item)</source>
        <translation>Eintrag %1: ein leerer Block (ein Block enthält mindestens ein Element)</translation>
    </message>
    <message>
        <source>member %1: attachment %2 is not a string</source>
        <translation>Eintrag %1: Anhang %2 ist keine Zeichenkette</translation>
    </message>
    <message>
        <source>member %1: bytes after the end of its JSON list</source>
        <translation>Eintrag %1: Bytes nach dem Ende seiner JSON-Liste</translation>
    </message>
    <message>
        <source>member %1: larger than %2 MiB, which a sample&apos;s shell or metadata may not be</source>
        <translation>Eintrag %1: größer als %2 MiB, was Hülle oder Metadaten eines Samples nicht sein dürfen</translation>
    </message>
    <message>
        <source>member %1: invalid JSON at byte %2: %3</source>
        <translation>Eintrag %1: ungültiges JSON bei Byte %2: %3</translation>
    </message>
    <message>
        <source>member %1: not a JSON object</source>
        <translation>Eintrag %1: kein JSON-Objekt</translation>
    </message>
    <message>
        <source>member %1: holds `%2`, which a chunked sample keeps in members of its own</source>
        <translation>Eintrag %1: enthält `%2`, das ein Sample in Blöcken in eigenen Einträgen führt</translation>
    </message>
    <message>
        <source>member %1: names another sample than its folder does</source>
        <translation>Eintrag %1: nennt ein anderes Sample als sein Ordner</translation>
    </message>
    <message>
        <source>member %1: message_refs is not a list of [start, end) pairs</source>
        <translation>Eintrag %1: message_refs ist keine Liste von [start, end)-Paaren</translation>
    </message>
    <message>
        <source>member %1: message_refs names more than %2 messages</source>
        <translation>Eintrag %1: message_refs nennt mehr als %2 Nachrichten</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>sample %1: message_refs names message %2, which its messages/ chunks do not hold (is a chunk missing?)</source>
        <translation>Sample %1: message_refs nennt Nachricht %2, die seine messages/-Blöcke nicht enthalten (fehlt ein Block?)</translation>
    </message>
    <message>
        <source>member %1: named for item %2, but the chunks before it hold %3 items (is a chunk missing?)</source>
        <translation>Eintrag %1: nach Element %2 benannt, aber die Blöcke davor enthalten %3 Elemente (fehlt ein Block?)</translation>
    </message>
    <message>
        <source>event %1</source>
        <translation>Ereignis %1</translation>
    </message>
    <message>
        <source>model call %1</source>
        <translation>Modellaufruf %1</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>Nachricht %1</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1 of the assembled sample: %2</source>
        <translation>ungültiges JSON bei Byte %1 des zusammengesetzten Samples: %2</translation>
    </message>
    <message>
        <source>sample %1: %2</source>
        <translation>Sample %1: %2</translation>
    </message>
    <message>
        <source>sample %1: the sample ends early</source>
        <translation>Sample %1: das Sample endet vorzeitig</translation>
    </message>
    <message>
        <source>member %1: holds no item the sample could read</source>
        <translation>Eintrag %1: enthält kein Element, das das Sample lesen könnte</translation>
    </message>
    <message>
        <source>sample %1: %2 refers to attachment://%3, but the sample has %4 attachments</source>
        <translation>Sample %1: %2 verweist auf attachment://%3, aber das Sample hat %4 Anhänge</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Scrub together</source>
        <translation>Gemeinsam bewegen</translation>
    </message>
    <message>
        <source>Compare: %1 | %2</source>
        <translation>Vergleich: %1 | %2</translation>
    </message>
    <message>
        <source>by dollars spent</source>
        <translation>nach ausgegebenen Dollar</translation>
    </message>
    <message>
        <source>by working time</source>
        <translation>nach Arbeitszeit</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>nach Schritt</translation>
    </message>
    <message>
        <source>Shared axis:</source>
        <translation>Gemeinsame Achse:</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>working time, hours</source>
        <translation>Arbeitszeit in Stunden</translation>
    </message>
    <message>
        <source>USD spent</source>
        <translation>ausgegebene USD</translation>
    </message>
    <message>
        <source>%1, sample %2, epoch %3</source>
        <translation>%1, Sample %2, Epoche %3</translation>
    </message>
    <message>
        <source>Tests passing, both runs: visible solid, held-out dashed</source>
        <translation>Bestandene Tests, beide Läufe: sichtbar durchgezogen, zurückgehalten gestrichelt</translation>
    </message>
    <message>
        <source>%1: held-out</source>
        <translation>%1: zurückgehalten</translation>
    </message>
    <message>
        <source>no test results in either transcript</source>
        <translation>keines der beiden Transkripte enthält Testergebnisse</translation>
    </message>
    <message>
        <source>tests passing</source>
        <translation>bestandene Tests</translation>
    </message>
</context>
<context>
    <name>ConversationDelegate</name>
    <message>
        <source>Reading steps %1 to %2…</source>
        <translation>Schritte %1 bis %2 werden gelesen…</translation>
    </message>
</context>
<context>
    <name>ConversationModel</name>
    <message>
        <source>Steps %1 to %2</source>
        <translation>Schritte %1 bis %2</translation>
    </message>
</context>
<context>
    <name>EventRenderer</name>
    <message>
        <source>Model error:</source>
        <translation>Modellfehler:</translation>
    </message>
    <message>
        <source>%1 input tokens (%2 from the cache), %3 output tokens</source>
        <translation>%1 Eingabe-Token (%2 aus dem Cache), %3 Ausgabe-Token</translation>
    </message>
    <message>
        <source>Tool error:</source>
        <translation>Werkzeugfehler:</translation>
    </message>
    <message>
        <source>The history was compacted: %1 tokens before, %2 after.</source>
        <translation>Der Verlauf wurde verdichtet: %1 Token vorher, %2 danach.</translation>
    </message>
    <message>
        <source>… %1 more characters in the JSON tab</source>
        <translation>… %1 weitere Zeichen im JSON-Tab</translation>
    </message>
</context>
<context>
    <name>EventSummary</name>
    <message>
        <source>%1 (an event type this version does not know)</source>
        <translation>%1 (ein Ereignistyp, den diese Version nicht kennt)</translation>
    </message>
    <message>
        <source>model error: %1</source>
        <translation>Modellfehler: %1</translation>
    </message>
    <message>
        <source>(intermediate)</source>
        <translation>(Zwischenstand)</translation>
    </message>
    <message>
        <source>%1 compaction: %2 → %3 tokens</source>
        <translation>%1-Verdichtung: %2 → %3 Token</translation>
    </message>
    <message>
        <source>%1 limit: %2</source>
        <translation>%1-Grenze: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n Änderung</numerusform>
            <numerusform>%n Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 durch %2</translation>
    </message>
</context>
<context>
    <name>EventText</name>
    <message>
        <source>(reasoning) %1</source>
        <translation>(Reasoning) %1</translation>
    </message>
    <message>
        <source>(reasoning, encrypted)</source>
        <translation>(Reasoning, verschlüsselt)</translation>
    </message>
    <message>
        <source>error (%1): %2</source>
        <translation>Fehler (%1): %2</translation>
    </message>
    <message>
        <source>(%1, empty)</source>
        <translation>(%1, leer)</translation>
    </message>
    <message>
        <source>not an event</source>
        <translation>kein Ereignis</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 von %2: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 imported, %2 skipped (already imported), %3 failed%4</source>
        <translation>%1 importiert, %2 übersprungen (schon importiert), %3 fehlgeschlagen%4</translation>
    </message>
    <message>
        <source>, cancelled</source>
        <translation>, abgebrochen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Indexing the new messages for search</source>
        <translation>Die neuen Nachrichten werden für die Suche indiziert</translation>
    </message>
    <message>
        <source>cannot index the messages for search: %1</source>
        <translation>die Nachrichten können nicht für die Suche indiziert werden: %1</translation>
    </message>
    <message>
        <source>the files imported last are not in the store: %1</source>
        <translation>die zuletzt importierten Dateien fehlen im Speicher: %1</translation>
    </message>
</context>
<context>
    <name>ImportPrinter</name>
    <message>
        <source>failed %1: %2
</source>
        <translation>fehlgeschlagen %1: %2
</translation>
    </message>
    <message>
        <source>skipped %1: already imported
</source>
        <translation>übersprungen %1: bereits importiert
</translation>
    </message>
    <message>
        <source>warning %1: %2
</source>
        <translation>Warnung %1: %2
</translation>
    </message>
    <message>
        <source>imported %1: %2 samples, %3 events, %4 messages</source>
        <translation>importiert %1: %2 Samples, %3 Ereignisse, %4 Nachrichten</translation>
    </message>
    <message>
        <source> (%1 both in the pool and in the final conversation, stored once; %2 with one id and two contents, both kept)</source>
        <translation> (%1 sowohl im Pool als auch in der endgültigen Konversation, einmal gespeichert; %2 mit einer ID und zwei Inhalten, beide behalten)</translation>
    </message>
</context>
<context>
    <name>ImportSession</name>
    <message>
        <source>%1 imported, %2 skipped, %3 failed (%4 MB in %5 s, %6 s of processor time) into %7
</source>
        <translation>%1 importiert, %2 übersprungen, %3 fehlgeschlagen (%4 MB in %5 s, %6 s Prozessorzeit) nach %7
</translation>
    </message>
    <message>
        <source>indexing for search: %1%</source>
        <translation>Indizierung für die Suche: %1 %</translation>
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
    <message>
        <source>the store dropped the transaction after: %1</source>
        <translation>der Speicher hat die Transaktion verworfen nach: %1</translation>
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
    <message>
        <source>JSON nested deeper than %1 levels at byte %2</source>
        <translation>JSON tiefer als %1 Ebenen verschachtelt bei Byte %2</translation>
    </message>
    <message>
        <source>%1: a string of %2 at byte %3 was cut to its first %4 (truncated: %2, first %4 kept)</source>
        <translation>%1: eine Zeichenkette von %2 bei Byte %3 wurde auf die ersten %4 gekürzt (gekürzt: %2, erste %4 behalten)</translation>
    </message>
    <message>
        <source>the log&apos;s header is larger than %1</source>
        <translation>der Kopf des Logs ist größer als %1</translation>
    </message>
    <message>
        <source>not an Inspect log: its top has no &quot;eval&quot; object naming a task or model</source>
        <translation>kein Inspect-Log: oben fehlt ein „eval“-Objekt, das eine Aufgabe oder ein Modell nennt</translation>
    </message>
    <message>
        <source>out of memory while reading it</source>
        <translation>beim Lesen ging der Arbeitsspeicher aus</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>nicht lesbar: %1</translation>
    </message>
    <message>
        <source>the log</source>
        <translation>das Log</translation>
    </message>
    <message>
        <source>member %1 has a control character in its name: skipped</source>
        <translation>Eintrag %1 hat ein Steuerzeichen im Namen: übersprungen</translation>
    </message>
    <message>
        <source>member %1 is not a sample of the expected shape (samples/ID_epoch_N.json): skipped</source>
        <translation>Eintrag %1 ist kein Sample der erwarteten Form (samples/ID_epoch_N.json): übersprungen</translation>
    </message>
    <message>
        <source>member %1: not part of the chunked sample layout; skipped</source>
        <translation>Eintrag %1: gehört nicht zum Block-Layout der Samples; übersprungen</translation>
    </message>
    <message>
        <source>not an Inspect log: %1 has no &quot;eval&quot; object naming a task or model</source>
        <translation>kein Inspect-Log: %1 hat kein „eval“-Objekt, das eine Aufgabe oder ein Modell nennt</translation>
    </message>
    <message>
        <source>member %1</source>
        <translation>Eintrag %1</translation>
    </message>
</context>
<context>
    <name>Json</name>
    <message>
        <source>invalid JSON at byte %1: %2</source>
        <translation>ungültiges JSON bei Byte %1: %2</translation>
    </message>
    <message>
        <source>JSON nested deeper than %1 levels at byte %2</source>
        <translation>JSON tiefer als %1 Ebenen verschachtelt bei Byte %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Runlens</source>
        <translation>Runlens</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Stufe:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprache:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Ausgang:</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Samples</translation>
    </message>
    <message>
        <source>Outcomes</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>Solve rate</source>
        <translation>Lösungsrate</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>Nach Stufe</translation>
    </message>
    <message>
        <source>Cost curve</source>
        <translation>Kostenkurve</translation>
    </message>
    <message>
        <source>Cost and pass</source>
        <translation>Kosten und Bestehen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>Dateien &amp;importieren…</translation>
    </message>
    <message>
        <source>Import Inspect logs</source>
        <translation>Inspect-Logs importieren</translation>
    </message>
    <message>
        <source>Inspect logs (*.eval *.json);;All files (*)</source>
        <translation>Inspect-Logs (*.eval *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Import a &amp;folder…</source>
        <translation>Einen &amp;Ordner importieren…</translation>
    </message>
    <message>
        <source>Import every log in a folder</source>
        <translation>Alle Logs eines Ordners importieren</translation>
    </message>
    <message>
        <source>&amp;Export plot…</source>
        <translation>Diagramm &amp;exportieren…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Dark palette</source>
        <translation>&amp;Dunkle Farben</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Copy rows as CSV</source>
        <translation>Zeilen als CSV &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Search the transcripts…</source>
        <translation>Transkripte &amp;durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Prices…</source>
        <translation>&amp;Preise…</translation>
    </message>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>The prices could not be saved to %1.</source>
        <translation>Die Preise ließen sich nicht in %1 speichern.</translation>
    </message>
    <message>
        <source>all models</source>
        <translation>alle Modelle</translation>
    </message>
    <message>
        <source>all tiers</source>
        <translation>alle Stufen</translation>
    </message>
    <message>
        <source>all languages</source>
        <translation>alle Sprachen</translation>
    </message>
    <message>
        <source>all outcomes</source>
        <translation>alle Ausgänge</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>not solved</source>
        <translation>nicht gelöst</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>Export plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Choose a plot tab first.</source>
        <translation>Zuerst einen Diagramm-Reiter wählen.</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</source>
        <translation>PDF (*.pdf);;SVG (*.svg);;PNG (*.png)</translation>
    </message>
    <message>
        <source>Exported %1 and its data as CSV</source>
        <translation>%1 und seine Daten als CSV exportiert</translation>
    </message>
    <message>
        <source>Co&amp;mpare the two selected samples</source>
        <translation>Die zwei gewählten Samples &amp;vergleichen</translation>
    </message>
    <message>
        <source>Ctrl+D</source>
        <translation>Ctrl+D</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Select two samples in the Samples tab (Ctrl+click).</source>
        <translation>Zwei Samples im Reiter Samples wählen (Strg+Klick).</translation>
    </message>
    <message>
        <source>Program:</source>
        <translation>Programm:</translation>
    </message>
    <message>
        <source>Eval set:</source>
        <translation>Eval-Set:</translation>
    </message>
    <message>
        <source>Run status:</source>
        <translation>Laufstatus:</translation>
    </message>
    <message>
        <source>any date</source>
        <translation>jedes Datum</translation>
    </message>
    <message>
        <source>Since:</source>
        <translation>Seit:</translation>
    </message>
    <message>
        <source>By program size</source>
        <translation>Nach Programmgröße</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>&amp;Open a store…</source>
        <translation>Speicher ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Recent stores</source>
        <translation>&amp;Zuletzt geöffnete Speicher</translation>
    </message>
    <message>
        <source>all programs</source>
        <translation>alle Programme</translation>
    </message>
    <message>
        <source>all eval sets</source>
        <translation>alle Eval-Sets</translation>
    </message>
    <message>
        <source>any run status</source>
        <translation>jeder Laufstatus</translation>
    </message>
    <message>
        <source>Figure size</source>
        <translation>Diagrammgröße</translation>
    </message>
    <message>
        <source>Width, mm:</source>
        <translation>Breite, mm:</translation>
    </message>
    <message>
        <source>Height, mm:</source>
        <translation>Höhe, mm:</translation>
    </message>
    <message>
        <source>PNG resolution, dpi:</source>
        <translation>PNG-Auflösung, dpi:</translation>
    </message>
    <message>
        <source>Open a store</source>
        <translation>Speicher öffnen</translation>
    </message>
    <message>
        <source>Runlens stores (*.sqlite);;All files (*)</source>
        <translation>Runlens-Speicher (*.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Cost by task</source>
        <translation>Kosten je Aufgabe</translation>
    </message>
    <message>
        <source>epoch %1 of %2 %3</source>
        <translation>Epoche %1 von %2 %3</translation>
    </message>
    <message>
        <source>epoch %1 %2</source>
        <translation>Epoche %1 %2</translation>
    </message>
    <message>
        <source>%1 on %2: %3 of %4 epochs solved (%5)</source>
        <translation>%1 auf %2: %3 von %4 Epochen gelöst (%5)</translation>
    </message>
    <message>
        <source>; best held-out pass %1%</source>
        <translation>; beste Bestehensquote der zurückgehaltenen Tests %1 %</translation>
    </message>
    <message>
        <source>; %1 and %2 h over its epochs</source>
        <translation>; %1 und %2 h über seine Epochen</translation>
    </message>
    <message>
        <source>Runlens (read-only)</source>
        <translation>Runlens (schreibgeschützt)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Each cell: epochs solved of epochs run&lt;/b&gt; by one model on one task (a sample of an Inspect task, or a MirrorCode program): %1 none of two epochs solved, %2 one of two, %3 both, %4 no score. The colour follows the share solved. In the solve-rate bars a task counts as solved as the mean over its epochs (1/2 counts half). Double-click a cell to open its transcript; with several epochs you choose which.</source>
        <translation>&lt;b&gt;Jede Zelle: gelöste von gelaufenen Epochen&lt;/b&gt; eines Modells auf einer Aufgabe (ein Sample einer Inspect-Aufgabe oder ein MirrorCode-Programm): %1 keine von zwei Epochen gelöst, %2 eine von zwei, %3 beide, %4 keine Bewertung. Die Farbe folgt dem gelösten Anteil. In den Balken der Lösungsrate zählt eine Aufgabe mit dem Mittel über ihre Epochen als gelöst (1/2 zählt halb). Ein Doppelklick auf eine Zelle öffnet ihr Transkript; bei mehreren Epochen wählen Sie, welche.</translation>
    </message>
    <message>
        <source>Compare model A:</source>
        <translation>Modell A vergleichen:</translation>
    </message>
    <message>
        <source>with model B:</source>
        <translation>mit Modell B:</translation>
    </message>
    <message>
        <source>Pick two different models: the samples in view (see the filters above) that both ran are compared task by task.</source>
        <translation>Wählen Sie zwei verschiedene Modelle: Die Samples in der Ansicht (siehe Filter oben), die beide bearbeitet haben, werden Aufgabe für Aufgabe verglichen.</translation>
    </message>
    <message>
        <source>%1 (A) against %2 (B) on the %3 tasks both ran, a task being one sample (task, sample id) with a scored epoch by each model. Solve rate: the mean over tasks of the share of epochs solved. Intervals: 95%, bootstrap over tasks.</source>
        <translation>%1 (A) gegen %2 (B) auf den %3 Aufgaben, die beide bearbeitet haben; eine Aufgabe ist ein Sample (Aufgabe, Sample-ID) mit einer bewerteten Epoche je Modell. Lösungsrate: Mittel über die Aufgaben des Anteils gelöster Epochen. Intervalle: 95 %, Bootstrap über Aufgaben.</translation>
    </message>
    <message>
        <source>Open which epoch?</source>
        <translation>Welche Epoche öffnen?</translation>
    </message>
    <message>
        <source>Epoch %1 of the run of %2: %3</source>
        <translation>Epoche %1 des Laufs von %2: %3</translation>
    </message>
    <message>
        <source>Epoch %1: %2</source>
        <translation>Epoche %1: %2</translation>
    </message>
    <message>
        <source>Task:</source>
        <translation>Aufgabe:</translation>
    </message>
    <message>
        <source>Two models</source>
        <translation>Zwei Modelle</translation>
    </message>
    <message>
        <source>all tasks</source>
        <translation>alle Aufgaben</translation>
    </message>
    <message>
        <source>%1 of %2 samples (each epoch a sample), %3 solved, %4 spent on %5 priced samples — %6</source>
        <translation>%1 von %2 Samples (jede Epoche ein Sample), %3 gelöst, %4 ausgegeben für %5 Samples mit Preis — %6</translation>
    </message>
    <message>
        <source>&lt;b&gt;Solve rate by task × model&lt;/b&gt; (%1 tasks in view, each model&apos;s rate per task, never pooled across tasks): %2. Each cell: rate [95% interval] n = samples.</source>
        <translation>&lt;b&gt;Lösungsrate nach Aufgabe × Modell&lt;/b&gt; (%1 Aufgaben in der Ansicht, Rate je Modell und Aufgabe, nie über Aufgaben zusammengefasst): %2. Jede Zelle: Rate [95-%-Intervall] n = Samples.</translation>
    </message>
    <message>
        <source>Replay</source>
        <translation>Wiedergabe</translation>
    </message>
    <message>
        <source>Anatomy</source>
        <translation>Anatomie</translation>
    </message>
    <message>
        <source>Open a &amp;team store (PostgreSQL)…</source>
        <translation>&amp;Team-Speicher öffnen (PostgreSQL)…</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL location: write postgresql://USER@HOST:PORT/DB or host=HOST dbname=DB.</source>
        <translation>„%1“ ist kein PostgreSQL-Ort: schreiben Sie postgresql://BENUTZER@HOST:PORT/DB oder host=HOST dbname=DB.</translation>
    </message>
    <message>
        <source>The location holds a password, which would be kept in the list of recent stores: write it in ~/.pgpass (or the file PGPASSFILE names) instead.</source>
        <translation>Der Ort enthält ein Passwort, das in der Liste der zuletzt geöffneten Speicher bliebe: schreiben Sie es stattdessen in ~/.pgpass (oder in die Datei, die PGPASSFILE nennt).</translation>
    </message>
    <message>
        <source>Open a team store</source>
        <translation>Team-Speicher öffnen</translation>
    </message>
    <message>
        <source>The PostgreSQL database, as postgresql://USER@HOST:PORT/DB or host=HOST dbname=DB user=USER.
The password is read from ~/.pgpass (or PGPASSFILE), never typed here.</source>
        <translation>Die PostgreSQL-Datenbank, als postgresql://BENUTZER@HOST:PORT/DB oder host=HOST dbname=DB user=BENUTZER.
Das Passwort wird aus ~/.pgpass (oder PGPASSFILE) gelesen, nie hier eingegeben.</translation>
    </message>
</context>
<context>
    <name>MessageIndex</name>
    <message>
        <source>sample error</source>
        <translation>Sample-Fehler</translation>
    </message>
</context>
<context>
    <name>MirrorCodeSynth</name>
    <message>
        <source>Writes MirrorCode-shaped Inspect eval logs (.eval, zstd members): by default the demo, one log per model (Claude Opus 4.7, GPT-5.5, Gemini 3.1 Pro) over the 25 MirrorCode targets and several epochs, with the test suites of the three demo programs whose code the transcripts build for real (suites/*.jsonl). Deterministic for a seed.</source>
        <translation>Schreibt Inspect-Eval-Logs in der Form von MirrorCode (.eval, zstd-Einträge): als Vorgabe die Demo, ein Log je Modell (Claude Opus 4.7, GPT-5.5, Gemini 3.1 Pro) über die 25 MirrorCode-Ziele und mehrere Epochen, mit den Testsuiten der drei Demoprogramme, deren Code die Transkripte wirklich aufbauen (suites/*.jsonl). Für einen Seed deterministisch.</translation>
    </message>
    <message>
        <source>Folder to write into (required).</source>
        <translation>Zielordner (erforderlich).</translation>
    </message>
    <message>
        <source>Seed (default 1).</source>
        <translation>Seed (Vorgabe 1).</translation>
    </message>
    <message>
        <source>Epochs of the demo (default 2).</source>
        <translation>Epochen der Demo (Vorgabe 2).</translation>
    </message>
    <message>
        <source>Deflate members instead of zstd.</source>
        <translation>Einträge mit Deflate statt zstd.</translation>
    </message>
    <message>
        <source>One sample at the scale of the largest known MirrorCode sample (~337,000 events, ~1 GB of JSON).</source>
        <translation>Ein Sample in der Größe des größten bekannten MirrorCode-Samples (~337.000 Ereignisse, ~1 GB JSON).</translation>
    </message>
    <message>
        <source>N runs of small samples, for store-sized benchmarks.</source>
        <translation>N Läufe kleiner Samples, für Benchmarks in Speichergröße.</translation>
    </message>
    <message>
        <source>Samples in each --scale run (default 10).</source>
        <translation>Samples je --scale-Lauf (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Comma-separated models (default: the three of the leaderboard).</source>
        <translation>Modelle, durch Kommas getrennt (Vorgabe: die drei der Rangliste).</translation>
    </message>
    <message>
        <source>runlens-cli synth: --out DIR is required
</source>
        <translation>runlens-cli synth: --out ORDNER ist erforderlich
</translation>
    </message>
    <message>
        <source>wrote %1
</source>
        <translation>%1 geschrieben
</translation>
    </message>
    <message>
        <source>runlens-cli synth: %1
</source>
        <translation>runlens-cli synth: %1
</translation>
    </message>
    <message>
        <source>%1 files, %2 samples, %3 events, %4 messages, %5 attachments, %6 compactions; %7 MB of JSON in %8 MB of archives, in %9 s
</source>
        <translation>%1 Dateien, %2 Samples, %3 Ereignisse, %4 Nachrichten, %5 Anhänge, %6 Verdichtungen; %7 MB JSON in %8 MB Archiven, in %9 s
</translation>
    </message>
    <message>
        <source>the demo programs are run with python3, which is not installed</source>
        <translation>die Demoprogramme laufen mit python3, das nicht installiert ist</translation>
    </message>
    <message>
        <source>sample %1 could not be written</source>
        <translation>Sample %1 ließ sich nicht schreiben</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>%1 lässt sich nicht anlegen</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>test %1 of %2: %3</source>
        <translation>Test %1 von %2: %3</translation>
    </message>
    <message>
        <source>python3 could not run the demo programs&apos; tests here (%1)</source>
        <translation>python3 konnte die Tests der Demoprogramme hier nicht ausführen (%1)</translation>
    </message>
    <message>
        <source>the last version of the demo program %1 passed %2 of its %3 tests here: python3 could not run its tests</source>
        <translation>die letzte Version des Demoprogramms %1 bestand hier %2 seiner %3 Tests: python3 konnte seine Tests nicht ausführen</translation>
    </message>
    <message>
        <source>Write each sample in Inspect&apos;s chunked layout (log version 3: sample.json, messages/, events/, attachments/ chunks) instead of one member.</source>
        <translation>Jedes Sample im Block-Layout von Inspect schreiben (Log-Version 3: sample.json, messages/, events/, attachments/ als Blöcke) statt als einen Eintrag.</translation>
    </message>
    <message>
        <source>In each sample, N tool messages of the final conversation whose content differs from the same message in the pool (default 0).</source>
        <translation>In jedem Sample N Tool-Nachrichten der endgültigen Konversation, deren Inhalt von derselben Nachricht im Pool abweicht (Vorgabe 0).</translation>
    </message>
    <message>
        <source>Score each sample with a dict of its visible and held-out pass fractions instead of C or I, and write one EvalScore a key in the header, as Inspect does for a dict score.</source>
        <translation>Jedes Sample mit einem Dict seiner sichtbaren und zurückgehaltenen Bestehensanteile statt C oder I bewerten und je Schlüssel einen EvalScore in den Header schreiben, wie Inspect es bei einem Dict-Score tut.</translation>
    </message>
    <message>
        <source>sample %1 could not be written: %2</source>
        <translation>Sample %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>PairedComparisonModel</name>
    <message>
        <source>Tasks both ran</source>
        <translation>Von beiden bearbeitete Aufgaben</translation>
    </message>
    <message>
        <source>samples (task, sample id) with a scored epoch by each model</source>
        <translation>Samples (Aufgabe, Sample-ID) mit einer bewerteten Epoche je Modell</translation>
    </message>
    <message>
        <source>Solve rate of %1</source>
        <translation>Lösungsrate von %1</translation>
    </message>
    <message>
        <source>Difference, %1 − %2</source>
        <translation>Differenz, %1 − %2</translation>
    </message>
    <message>
        <source>McNemar p</source>
        <translation>McNemar-p</translation>
    </message>
    <message>
        <source>A only: %1, B only: %2</source>
        <translation>nur A: %1, nur B: %2</translation>
    </message>
    <message>
        <source>Cost ratio, %1 / %2</source>
        <translation>Kostenverhältnis, %1 / %2</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95-%-Intervall</translation>
    </message>
    <message>
        <source>n (tasks)</source>
        <translation>n (Aufgaben)</translation>
    </message>
    <message>
        <source>Definition and interval method</source>
        <translation>Definition und Intervallmethode</translation>
    </message>
</context>
<context>
    <name>PostgresImporter</name>
    <message>
        <source>cannot read the store %1: %2</source>
        <translation>der Speicher %1 lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>cannot make a temporary folder: %1</source>
        <translation>ein temporärer Ordner lässt sich nicht anlegen: %1</translation>
    </message>
    <message>
        <source>cannot write into the store %1: %2</source>
        <translation>in den Speicher %1 lässt sich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>PostgresServer</name>
    <message>
        <source>the PostgreSQL server is not installed (no initdb in /usr/lib/postgresql/*/bin): `apt-get install postgresql` (./setup.sh test installs it)</source>
        <translation>der PostgreSQL-Server ist nicht installiert (kein initdb in /usr/lib/postgresql/*/bin): `apt-get install postgresql` (./setup.sh test installiert ihn)</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 ist fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>cannot make a temporary folder: %1</source>
        <translation>kann keinen temporären Ordner anlegen: %1</translation>
    </message>
    <message>
        <source>cannot give the server&apos;s folder to the user nobody</source>
        <translation>kann den Ordner des Servers nicht dem Benutzer nobody übergeben</translation>
    </message>
    <message>
        <source>psql failed: %1</source>
        <translation>psql ist fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>PriceDialog</name>
    <message>
        <source>Prices</source>
        <translation>Preise</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Eingabe</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Cache read</source>
        <translation>Cache gelesen</translation>
    </message>
    <message>
        <source>Cache write</source>
        <translation>Cache geschrieben</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Add a model</source>
        <translation>Modell hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>USD per million tokens. A model without a row has no price: its cost shows as &quot;no price&quot;, never $0.</source>
        <translation>USD je Million Token. Ein Modell ohne Zeile hat keinen Preis: seine Kosten erscheinen als „kein Preis“, nie als 0 $.</translation>
    </message>
</context>
<context>
    <name>PriceTable</name>
    <message>
        <source>%1: cannot open: %2</source>
        <translation>%1: lässt sich nicht öffnen: %2</translation>
    </message>
    <message>
        <source>%1: not a price table: %2</source>
        <translation>%1: keine Preistabelle: %2</translation>
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
    <message>
        <source>process limit</source>
        <translation>Prozesslimit</translation>
    </message>
    <message>
        <source>disk limit</source>
        <translation>Speicherplatzlimit</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>The figure file (required).</source>
        <translation>Die Diagrammdatei (erforderlich).</translation>
    </message>
    <message>
        <source>Resolution of a PNG (default 300).</source>
        <translation>Auflösung eines PNG (Vorgabe 300).</translation>
    </message>
    <message>
        <source>Only these models (repeatable).</source>
        <translation>Nur diese Modelle (wiederholbar).</translation>
    </message>
    <message>
        <source>Only these size tiers: S, M, L (repeatable).</source>
        <translation>Nur diese Größenstufen: S, M, L (wiederholbar).</translation>
    </message>
    <message>
        <source>Only these languages (repeatable).</source>
        <translation>Nur diese Sprachen (wiederholbar).</translation>
    </message>
    <message>
        <source>%1: cannot be written
</source>
        <translation>%1: lässt sich nicht schreiben
</translation>
    </message>
    <message>
        <source>wrote %1 and %2 (%3 samples)
</source>
        <translation>%1 und %2 geschrieben (%3 Samples)
</translation>
    </message>
    <message>
        <source>small</source>
        <translation>klein</translation>
    </message>
    <message>
        <source>medium</source>
        <translation>mittel</translation>
    </message>
    <message>
        <source>large</source>
        <translation>groß</translation>
    </message>
    <message>
        <source>Solve rate by model</source>
        <translation>Lösungsrate nach Modell</translation>
    </message>
    <message>
        <source>Solve rate by size tier</source>
        <translation>Lösungsrate nach Größenstufe</translation>
    </message>
    <message>
        <source>%1: choose .pdf, .svg or .png</source>
        <translation>%1: .pdf, .svg oder .png wählen</translation>
    </message>
    <message>
        <source>%1: cannot be written</source>
        <translation>%1: lässt sich nicht schreiben</translation>
    </message>
    <message>
        <source>lines of code of the original program (log)</source>
        <translation>Codezeilen des Originalprogramms (log.)</translation>
    </message>
    <message>
        <source>Solve rate against the size of the original program</source>
        <translation>Lösungsrate über der Größe des Originalprogramms</translation>
    </message>
    <message>
        <source>Tokens a sample used, by model</source>
        <translation>Token je Sample, nach Modell</translation>
    </message>
    <message>
        <source>How long a sample ran, by model</source>
        <translation>Laufzeit je Sample, nach Modell</translation>
    </message>
    <message>
        <source>input and output tokens (log)</source>
        <translation>Eingabe- und Ausgabe-Token (log.)</translation>
    </message>
    <message>
        <source>total time, hours (log)</source>
        <translation>Gesamtzeit in Stunden (log.)</translation>
    </message>
    <message>
        <source>Cost of each task, model beside model</source>
        <translation>Kosten jeder Aufgabe, Modell neben Modell</translation>
    </message>
    <message>
        <source>%1, %2 (epoch %3): %4, %5</source>
        <translation>%1, %2 (Epoche %3): %4, %5</translation>
    </message>
    <message>
        <source>Draws a figure from the store, as the explorer does, and writes it with the CSV of its data beside it (FILE.csv). KIND is %1; the format follows the extension of --out (.pdf, .svg, .png). PDF and SVG keep their text as text.</source>
        <translation>Zeichnet eine Abbildung aus dem Speicher wie der Explorer und schreibt sie mit der CSV ihrer Daten daneben (FILE.csv). KIND ist %1; das Format folgt der Endung von --out (.pdf, .svg, .png). PDF und SVG behalten Text als Text.</translation>
    </message>
    <message>
        <source>column (85 mm by 64 mm, 7 pt), page (180 mm by 110 mm, 9 pt) or slide (254 mm by 143 mm, 16 pt).</source>
        <translation>column (85 mm × 64 mm, 7 pt), page (180 mm × 110 mm, 9 pt) oder slide (254 mm × 143 mm, 16 pt).</translation>
    </message>
    <message>
        <source>Width in mm (default 160, or the preset&apos;s).</source>
        <translation>Breite in mm (Vorgabe 160 oder die der Voreinstellung).</translation>
    </message>
    <message>
        <source>Height in mm (default 100, or the preset&apos;s).</source>
        <translation>Höhe in mm (Vorgabe 100 oder die der Voreinstellung).</translation>
    </message>
    <message>
        <source>Font size in points of the page (default 9, or the preset&apos;s); whole points.</source>
        <translation>Schriftgröße der Seite in Punkt (Vorgabe 9 oder die der Voreinstellung); nur ganze Punkte.</translation>
    </message>
    <message>
        <source>on or off: the title above the plot (default on).</source>
        <translation>on oder off: der Titel über dem Diagramm (Vorgabe on).</translation>
    </message>
    <message>
        <source>No title (as --title off).</source>
        <translation>Kein Titel (wie --title off).</translation>
    </message>
    <message>
        <source>outside (below the plot, default), inside (in a corner no data reaches, else outside) or none.</source>
        <translation>outside (unter dem Diagramm, Vorgabe), inside (in einer Ecke ohne Daten, sonst outside) oder none.</translation>
    </message>
    <message>
        <source>light (default, for papers) or dark (as the explorer&apos;s dark palette).</source>
        <translation>light (Vorgabe, für Veröffentlichungen) oder dark (wie die dunkle Palette des Explorers).</translation>
    </message>
    <message>
        <source>pareto: one frontier per size tier.</source>
        <translation>pareto: eine Front je Größenstufe.</translation>
    </message>
    <message>
        <source>Only these tasks (repeatable).</source>
        <translation>Nur diese Aufgaben (wiederholbar).</translation>
    </message>
    <message>
        <source>Only these programs (repeatable).</source>
        <translation>Nur diese Programme (wiederholbar).</translation>
    </message>
    <message>
        <source>usage: runlens-cli plot %1 --out FILE.pdf|svg|png [--size column|page|slide]
</source>
        <translation>Aufruf: runlens-cli plot %1 --out FILE.pdf|svg|png [--size column|page|slide]
</translation>
    </message>
    <message>
        <source>--size %1: choose column, page or slide
</source>
        <translation>--size %1: column, page oder slide wählen
</translation>
    </message>
    <message>
        <source>--width and --height take millimetres (at least 8), --font-size points (4 to 72)
</source>
        <translation>--width und --height erwarten Millimeter (mindestens 8), --font-size Punkt (4 bis 72)
</translation>
    </message>
    <message>
        <source>--title %1: choose on or off
</source>
        <translation>--title %1: on oder off wählen
</translation>
    </message>
    <message>
        <source>--legend %1: choose outside, inside or none
</source>
        <translation>--legend %1: outside, inside oder none wählen
</translation>
    </message>
    <message>
        <source>--theme %1: choose light or dark
</source>
        <translation>--theme %1: light oder dark wählen
</translation>
    </message>
    <message>
        <source>%1: %2
</source>
        <translation>%1: %2
</translation>
    </message>
    <message>
        <source>expected pass@1 over tasks; 95% bootstrap interval</source>
        <translation>erwartetes pass@1 über Aufgaben; 95-%-Bootstrap-Intervall</translation>
    </message>
    <message numerus="yes">
        <source>n = %n task(s)</source>
        <translation>
            <numerusform>n = %n Aufgabe</numerusform>
            <numerusform>n = %n Aufgaben</numerusform>
        </translation>
    </message>
    <message>
        <source>n = %1 to %2 tasks</source>
        <translation>n = %1 bis %2 Aufgaben</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>No size tiers: these samples are not MirrorCode programs.</source>
        <translation>Keine Größenstufen: Diese Samples sind keine MirrorCode-Programme.</translation>
    </message>
    <message>
        <source>size tier of the program</source>
        <translation>Größenstufe des Programms</translation>
    </message>
    <message>
        <source>No costs: none of these samples has a price or a cost in its log.</source>
        <translation>Keine Kosten: Keines dieser Samples hat einen Preis oder Kosten im Log.</translation>
    </message>
    <message numerus="yes">
        <source>cumulative cost, USD (log), samples cheapest first (%n sample(s) without a price left out)</source>
        <translation>
            <numerusform>kumulierte Kosten, USD (log), Samples aufsteigend nach Kosten (%n Sample ohne Preis ausgelassen)</numerusform>
            <numerusform>kumulierte Kosten, USD (log), Samples aufsteigend nach Kosten (%n Samples ohne Preis ausgelassen)</numerusform>
        </translation>
    </message>
    <message>
        <source>cumulative cost, USD (log), samples cheapest first</source>
        <translation>kumulierte Kosten, USD (log), Samples aufsteigend nach Kosten</translation>
    </message>
    <message>
        <source>share of the model&apos;s priced samples solved (epochs counted separately)</source>
        <translation>Anteil gelöster Samples mit Preis des Modells (Epochen einzeln gezählt)</translation>
    </message>
    <message>
        <source>No program sizes: these samples are not MirrorCode programs whose original size is known.</source>
        <translation>Keine Programmgrößen: Diese Samples sind keine MirrorCode-Programme mit bekannter Originalgröße.</translation>
    </message>
    <message>
        <source>model; in each, small, medium and large programs left to right</source>
        <translation>Modell; darin kleine, mittlere und große Programme von links nach rechts</translation>
    </message>
    <message>
        <source>model; a point per sample</source>
        <translation>Modell; ein Punkt je Sample</translation>
    </message>
    <message>
        <source>task, small to large (filled: solved in an epoch; hollow: never solved)</source>
        <translation>Aufgabe, klein bis groß (gefüllt: in einer Epoche gelöst; hohl: nie gelöst)</translation>
    </message>
    <message>
        <source>mean cost of a sample over its epochs, USD (log)</source>
        <translation>mittlere Kosten eines Samples über seine Epochen, USD (log)</translation>
    </message>
    <message>
        <source>frontier, %1 programs</source>
        <translation>Front, %1 Programme</translation>
    </message>
    <message>
        <source>Pareto frontier</source>
        <translation>Pareto-Front</translation>
    </message>
    <message>
        <source>mean cost of a sample, USD (log)</source>
        <translation>mittlere Kosten eines Samples, USD (log)</translation>
    </message>
    <message>
        <source>Samples solved against dollars spent</source>
        <translation>Gelöste Samples über ausgegebenen Dollar</translation>
    </message>
    <message>
        <source>Solve rate against mean cost, with the Pareto frontier over models</source>
        <translation>Lösungsrate über mittleren Kosten, mit der Pareto-Front über die Modelle</translation>
    </message>
    <message>
        <source>No samples: the filter leaves none.</source>
        <translation>Keine Samples: Der Filter lässt keine übrig.</translation>
    </message>
</context>
<context>
    <name>ReplayView</name>
    <message>
        <source>The selected event&apos;s JSON</source>
        <translation>Das JSON des gewählten Ereignisses</translation>
    </message>
    <message>
        <source>all events</source>
        <translation>alle Ereignisse</translation>
    </message>
    <message>
        <source>Find in this transcript (Enter: next, Shift+Enter: previous)</source>
        <translation>In diesem Transkript suchen (Enter: nächster, Umschalt+Enter: voriger)</translation>
    </message>
    <message>
        <source>1 step/s</source>
        <translation>1 Schritt/s</translation>
    </message>
    <message>
        <source>4 steps/s</source>
        <translation>4 Schritte/s</translation>
    </message>
    <message>
        <source>20 steps/s</source>
        <translation>20 Schritte/s</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>◀ Step</source>
        <translation>◀ Schritt</translation>
    </message>
    <message>
        <source>Step ▶</source>
        <translation>Schritt ▶</translation>
    </message>
    <message>
        <source>Next pass change</source>
        <translation>Nächste Änderung der Quote</translation>
    </message>
    <message>
        <source>Next error</source>
        <translation>Nächster Fehler</translation>
    </message>
    <message>
        <source>Next compaction</source>
        <translation>Nächste Verdichtung</translation>
    </message>
    <message>
        <source>Re-run tests here…</source>
        <translation>Tests hier erneut ausführen…</translation>
    </message>
    <message>
        <source>Rebuild the agent&apos;s files as they stood at this step and run a test suite on them</source>
        <translation>Die Dateien des Agenten im Stand dieses Schritts wiederherstellen und eine Testsuite darauf ausführen</translation>
    </message>
    <message>
        <source>by step</source>
        <translation>nach Schritt</translation>
    </message>
    <message>
        <source>by working time</source>
        <translation>nach Arbeitszeit</translation>
    </message>
    <message>
        <source>by dollars spent</source>
        <translation>nach ausgegebenen Dollar</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Tests over time</source>
        <translation>Tests im Verlauf</translation>
    </message>
    <message>
        <source>Tests passing, and dollars spent</source>
        <translation>Bestandene Tests und ausgegebene Dollar</translation>
    </message>
    <message>
        <source>all tests, re-executed</source>
        <translation>alle Tests, erneut ausgeführt</translation>
    </message>
    <message>
        <source>dollars spent</source>
        <translation>ausgegebene Dollar</translation>
    </message>
    <message>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>working time, hours</source>
        <translation>Arbeitszeit in Stunden</translation>
    </message>
    <message>
        <source>USD spent</source>
        <translation>ausgegebene USD</translation>
    </message>
    <message>
        <source>%1% of visible tests passing</source>
        <translation>%1 % der sichtbaren Tests bestanden</translation>
    </message>
    <message>
        <source>no tests run yet</source>
        <translation>noch keine Tests gelaufen</translation>
    </message>
    <message>
        <source>The test output in this transcript names no tests.</source>
        <translation>Die Testausgaben dieses Transkripts nennen keine Tests.</translation>
    </message>
    <message>
        <source>The transcript reports %1; re-executed at step %2 it %3</source>
        <translation>Das Transkript meldet %1; bei Schritt %2 erneut ausgeführt %3 er</translation>
    </message>
    <message>
        <source>a pass</source>
        <translation>ein Bestehen</translation>
    </message>
    <message>
        <source>a failure</source>
        <translation>ein Scheitern</translation>
    </message>
    <message>
        <source>passes</source>
        <translation>besteht</translation>
    </message>
    <message>
        <source>fails</source>
        <translation>scheitert</translation>
    </message>
    <message>
        <source>%1 tests over %2 test runs; %3 results disagree with a re-execution (marked !); select a test to see where it changed</source>
        <translation>%1 Tests über %2 Testläufe; %3 Ergebnisse widersprechen einer erneuten Ausführung (mit ! markiert); einen Test wählen, um zu sehen, wo er sich änderte</translation>
    </message>
    <message>
        <source>%1 never changed</source>
        <translation>%1 änderte sich nie</translation>
    </message>
    <message>
        <source>%1 changed at steps %2</source>
        <translation>%1 änderte sich bei den Schritten %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in this transcript</source>
        <translation>„%1“ kommt in diesem Transkript nicht vor</translation>
    </message>
    <message>
        <source>◀◀ Turn</source>
        <translation>◀◀ Runde</translation>
    </message>
    <message>
        <source>Turn ▶▶</source>
        <translation>Runde ▶▶</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not in the indexed part of this transcript: the rest waits to be indexed (Search dialog)</source>
        <translation>&quot;%1&quot; steht nicht im indizierten Teil dieses Transkripts: der Rest wartet auf die Indizierung (Suchdialog)</translation>
    </message>
    <message>
        <source>tests passing</source>
        <translation>bestandene Tests</translation>
    </message>
    <message>
        <source>no test results
in this transcript</source>
        <translation>keine Testergebnisse
in diesem Transkript</translation>
    </message>
    <message>
        <source>visible tests (%1)</source>
        <translation>sichtbare Tests (%1)</translation>
    </message>
    <message>
        <source>held-out tests (%1)</source>
        <translation>zurückgehaltene Tests (%1)</translation>
    </message>
    <message>
        <source>dollars spent (%1 of %2 calls without a price)</source>
        <translation>ausgegebene Dollar (%1 von %2 Aufrufen ohne Preis)</translation>
    </message>
    <message>
        <source>compaction (%1)</source>
        <translation>Verdichtung (%1)</translation>
    </message>
    <message>
        <source>cost limit, %1</source>
        <translation>Kostenlimit, %1</translation>
    </message>
    <message>
        <source>cost limit, %1 (off the plot)</source>
        <translation>Kostenlimit, %1 (außerhalb des Diagramms)</translation>
    </message>
    <message>
        <source>Replay: %1, %2, %3</source>
        <translation>Wiedergabe: %1, %2, %3</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>no price for its model calls</source>
        <translation>kein Preis für seine Modellaufrufe</translation>
    </message>
    <message>
        <source>$%1 spent</source>
        <translation>$%1 ausgegeben</translation>
    </message>
    <message>
        <source>$%1 spent on the calls with a price</source>
        <translation>$%1 ausgegeben für die Aufrufe mit Preis</translation>
    </message>
    <message>
        <source>Step %1 of %2 — %3 — %4</source>
        <translation>Schritt %1 von %2 — %3 — %4</translation>
    </message>
    <message>
        <source>%1% of visible and %2% of held-out tests passing</source>
        <translation>%1 % der sichtbaren und %2 % der zurückgehaltenen Tests bestanden</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Konversation</translation>
    </message>
    <message>
        <source>Event table</source>
        <translation>Ereignistabelle</translation>
    </message>
    <message>
        <source>Read the transcript as a conversation or as a table of its events</source>
        <translation>Das Transkript als Konversation oder als Tabelle seiner Ereignisse lesen</translation>
    </message>
    <message>
        <source>Spans</source>
        <translation>Spans</translation>
    </message>
    <message>
        <source>Show where spans open and close, their events indented</source>
        <translation>Zeigen, wo Spans sich öffnen und schließen, ihre Ereignisse eingerückt</translation>
    </message>
    <message>
        <source>plateau (%1)</source>
        <translation>Plateau (%1)</translation>
    </message>
    <message>
        <source>regression (%1)</source>
        <translation>Rückschritt (%1)</translation>
    </message>
    <message>
        <source>best, step %1</source>
        <translation>bester Punkt, Schritt %1</translation>
    </message>
    <message>
        <source>lines of code</source>
        <translation>Codezeilen</translation>
    </message>
    <message>
        <source>activities (see Anatomy)</source>
        <translation>Tätigkeiten (siehe Anatomie)</translation>
    </message>
    <message>
        <source>lines of code (right)</source>
        <translation>Codezeilen (rechts)</translation>
    </message>
    <message>
        <source>Step %1 of %2 — reading the pass curve…</source>
        <translation>Schritt %1 von %2 — die Bestehenskurve wird gelesen…</translation>
    </message>
    <message>
        <source>Finding… %1%</source>
        <translation>Suche… %1%</translation>
    </message>
    <message>
        <source>Finding…</source>
        <translation>Suche…</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>Suche nicht möglich: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n Schritt</numerusform>
            <numerusform>%n Schritte</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
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
        <source>default: the workspace&apos;s program, or python3 on its one .py file; {workspace} is its folder</source>
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
            <numerusform>%n früherer Schritt hat Dateien auf nicht nachvollziehbare Weise geändert.</numerusform>
            <numerusform>%n frühere Schritte haben Dateien auf nicht nachvollziehbare Weise geändert.</numerusform>
        </translation>
    </message>
    <message>
        <source>The network was reachable: this system allows no private network namespace.</source>
        <translation>Das Netzwerk war erreichbar: dieses System erlaubt keinen privaten Netzwerk-Namensraum.</translation>
    </message>
    <message>
        <source>Choose a test suite first: a .jsonl file, one test a line.</source>
        <translation>Zuerst eine Testsuite wählen: eine .jsonl-Datei, ein Test pro Zeile.</translation>
    </message>
    <message>
        <source>Each test ran in a bubblewrap box.</source>
        <translation>Jeder Test lief in einer bubblewrap-Box.</translation>
    </message>
    <message>
        <source>The tests ran without a box.</source>
        <translation>Die Tests liefen ohne Box.</translation>
    </message>
    <message>
        <source>Not enforced here: %1.</source>
        <translation>Hier nicht durchgesetzt: %1.</translation>
    </message>
</context>
<context>
    <name>RerunPrinter</name>
    <message>
        <source>step      visible    held-out   transcript (visible / held-out)   uncertain steps before</source>
        <translation>Schritt   sichtbar   zurückgeh. Transkript (sichtbar / zurückgeh.)unsichere Schritte davor</translation>
    </message>
    <message>
        <source>%1 %2 at step %3 (%4 %5), found in %6 re-executions
</source>
        <translation>%1 %2 bei Schritt %3 (%4 %5), gefunden in %6 erneuten Ausführungen
</translation>
    </message>
    <message>
        <source>not enforced: %1</source>
        <translation>nicht durchgesetzt: %1</translation>
    </message>
</context>
<context>
    <name>RerunSession</name>
    <message>
        <source>no sample %1 in %2</source>
        <translation>keine Probe %1 in %2</translation>
    </message>
    <message>
        <source>no program to run at step %1: name one</source>
        <translation>kein Programm zum Ausführen bei Schritt %1: bitte eines angeben</translation>
    </message>
</context>
<context>
    <name>RunTableModel</name>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>The accuracy computed from the samples differs from the one in the log&apos;s header.</source>
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
    <name>SampleArgument</name>
    <message>
        <source>Among samples of that name, the one of this model (its full name or the part after the provider).</source>
        <translation>Unter Samples dieses Namens das dieses Modells (voller Name oder der Teil nach dem Anbieter).</translation>
    </message>
    <message>
        <source>Among samples of that name, the one of this epoch.</source>
        <translation>Unter Samples dieses Namens das dieser Epoche.</translation>
    </message>
    <message>
        <source>Among samples of that name, the one of this run (its store id).</source>
        <translation>Unter Samples dieses Namens das dieses Laufs (seine Speicher-ID).</translation>
    </message>
    <message>
        <source>--epoch takes a positive number, not &apos;%1&apos;</source>
        <translation>--epoch erwartet eine positive Zahl, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--run takes a run&apos;s store id, not &apos;%1&apos;</source>
        <translation>--run erwartet die Speicher-ID eines Laufs, nicht &apos;%1&apos;</translation>
    </message>
    <message>
        <source>sample %1 does not fit --model, --epoch or --run:</source>
        <translation>Sample %1 passt nicht zu --model, --epoch oder --run:</translation>
    </message>
    <message>
        <source>no sample has the store id %1 (see runlens-cli samples)</source>
        <translation>kein Sample hat die Speicher-ID %1 (siehe runlens-cli samples)</translation>
    </message>
    <message>
        <source>no sample is named &apos;%1&apos; (see runlens-cli samples)</source>
        <translation>kein Sample heißt &apos;%1&apos; (siehe runlens-cli samples)</translation>
    </message>
    <message>
        <source>no sample named &apos;%1&apos; fits --model, --epoch and --run; the samples of that name:</source>
        <translation>kein Sample namens &apos;%1&apos; passt zu --model, --epoch und --run; die Samples dieses Namens:</translation>
    </message>
    <message>
        <source>&apos;%1&apos; names %2 samples; choose one by its id or with --model, --epoch or --run:</source>
        <translation>&apos;%1&apos; bezeichnet %2 Samples; wählen Sie eines per ID oder mit --model, --epoch oder --run:</translation>
    </message>
</context>
<context>
    <name>SampleFilter</name>
    <message>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>run</source>
        <translation>Lauf</translation>
    </message>
</context>
<context>
    <name>SampleHeader</name>
    <message>
        <source>epoch %1 of %2</source>
        <translation>Epoche %1 von %2</translation>
    </message>
    <message>
        <source>tier %1</source>
        <translation>Stufe %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>sample %1</source>
        <translation>Sample %1</translation>
    </message>
    <message>
        <source>%1 limit reached</source>
        <translation>%1-Limit erreicht</translation>
    </message>
    <message>
        <source>%1 limit of %2 reached</source>
        <translation>%1-Limit von %2 erreicht</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>not solved</source>
        <translation>nicht gelöst</translation>
    </message>
    <message>
        <source>Held-out tests</source>
        <translation>Zurückgehaltene Tests</translation>
    </message>
    <message>
        <source>Visible tests</source>
        <translation>Sichtbare Tests</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Bewertung</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Limit</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Working time</source>
        <translation>Arbeitszeit</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>%1 in, %2 out</source>
        <translation>%1 ein, %2 aus</translation>
    </message>
</context>
<context>
    <name>SampleHeaderView</name>
    <message>
        <source>&lt;b&gt;No such sample in this store.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kein solches Sample in diesem Speicher.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Traceback…</source>
        <translation>Traceback…</translation>
    </message>
    <message>
        <source>Error of %1</source>
        <translation>Fehler von %1</translation>
    </message>
    <message>
        <source>The log holds no traceback for this error.</source>
        <translation>Das Log enthält keinen Traceback zu diesem Fehler.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
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
        <source>the store refused an event</source>
        <translation>der Speicher hat ein Ereignis abgelehnt</translation>
    </message>
    <message>
        <source>the store refused sample %1</source>
        <translation>der Speicher hat Sample %1 abgelehnt</translation>
    </message>
    <message>
        <source>the sample ends early, inside item %1 of a list</source>
        <translation>die Probe endet vorzeitig, in Element %1 einer Liste</translation>
    </message>
    <message>
        <source>item %1 of a list at byte %2: %3</source>
        <translation>Element %1 einer Liste bei Byte %2: %3</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1 (event %2): %3</source>
        <translation>ungültiges JSON bei Byte %1 (Ereignis %2): %3</translation>
    </message>
    <message>
        <source>invalid JSON at byte %1 (the attachments from byte %2): %3</source>
        <translation>ungültiges JSON bei Byte %1 (die Anhänge ab Byte %2): %3</translation>
    </message>
    <message>
        <source>the sample&apos;s %1 is larger than %2</source>
        <translation>%1 des Samples ist größer als %2</translation>
    </message>
    <message>
        <source>JSON nested deeper than %1 levels at byte %2</source>
        <translation>JSON tiefer als %1 Ebenen verschachtelt bei Byte %2</translation>
    </message>
    <message>
        <source>larger than %1 after its longest strings were cut</source>
        <translation>größer als %1, nachdem die längsten Zeichenketten gekürzt wurden</translation>
    </message>
    <message>
        <source>item %1 of a list at byte %2 was refused</source>
        <translation>Element %1 einer Liste bei Byte %2 wurde abgelehnt</translation>
    </message>
</context>
<context>
    <name>SampleTableModel</name>
    <message>
        <source>unscored</source>
        <translation>unbewertet</translation>
    </message>
    <message>
        <source>solved</source>
        <translation>gelöst</translation>
    </message>
    <message>
        <source>not solved</source>
        <translation>nicht gelöst</translation>
    </message>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programm</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ausgang</translation>
    </message>
    <message>
        <source>Visible tests</source>
        <translation>Sichtbare Tests</translation>
    </message>
    <message>
        <source>Held-out tests</source>
        <translation>Zurückgehaltene Tests</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Input tokens</source>
        <translation>Eingabe-Token</translation>
    </message>
    <message>
        <source>Output tokens</source>
        <translation>Ausgabe-Token</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Limit hit</source>
        <translation>Limit erreicht</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
</context>
<context>
    <name>SandboxedProcess</name>
    <message>
        <source>no command</source>
        <translation>kein Befehl</translation>
    </message>
    <message>
        <source>sandbox: bubblewrap box per test</source>
        <translation>Sandbox: eine bubblewrap-Box je Test</translation>
    </message>
    <message>
        <source>sandbox: no box</source>
        <translation>Sandbox: keine Box</translation>
    </message>
    <message>
        <source>; cannot enforce: %1</source>
        <translation>; nicht durchsetzbar: %1</translation>
    </message>
    <message>
        <source>filesystem isolation</source>
        <translation>Dateisystem-Isolation</translation>
    </message>
    <message>
        <source>private /tmp, /var/tmp and /dev/shm</source>
        <translation>privates /tmp, /var/tmp und /dev/shm</translation>
    </message>
    <message>
        <source>disk limit</source>
        <translation>Speicherplatzlimit</translation>
    </message>
    <message>
        <source>killing what a test leaves running</source>
        <translation>Beenden dessen, was ein Test laufen lässt</translation>
    </message>
    <message>
        <source>per-test process limit</source>
        <translation>Prozesslimit je Test</translation>
    </message>
    <message>
        <source>per-test memory limit (per process only)</source>
        <translation>Speicherlimit je Test (nur je Prozess)</translation>
    </message>
    <message>
        <source>per-test CPU time (per process only)</source>
        <translation>CPU-Zeit je Test (nur je Prozess)</translation>
    </message>
    <message>
        <source>no writable cgroup for each test</source>
        <translation>keine beschreibbare cgroup je Test</translation>
    </message>
    <message>
        <source>network isolation</source>
        <translation>Netzwerkisolation</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search the transcripts</source>
        <translation>Transkripte durchsuchen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Sample</source>
        <translation>Sample</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Treffer</translation>
    </message>
    <message numerus="yes">
        <source>%n match(es) in %1 ms</source>
        <translation>
            <numerusform>%n Treffer in %1 ms</numerusform>
            <numerusform>%n Treffer in %1 ms</numerusform>
        </translation>
    </message>
    <message>
        <source>Index them now</source>
        <translation>Jetzt indizieren</translation>
    </message>
    <message>
        <source>Indexing the waiting messages: %1%</source>
        <translation>Die wartenden Nachrichten werden indiziert: %1%</translation>
    </message>
    <message>
        <source>Cannot index the waiting messages: the store is busy or full.</source>
        <translation>Die wartenden Nachrichten können nicht indiziert werden: der Speicher ist belegt oder voll.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) not yet indexed (an import was stopped): searches do not find them.</source>
        <translation>
            <numerusform>%Ln Nachricht ist noch nicht indiziert (ein Import wurde angehalten): die Suche findet sie nicht.</numerusform>
            <numerusform>%Ln Nachrichten sind noch nicht indiziert (ein Import wurde angehalten): die Suche findet sie nicht.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Words to find in every message, tool call and tool result (bash* a prefix, &quot;a phrase&quot;)</source>
        <translation>Zu suchende Wörter in allen Nachrichten, Tool-Aufrufen und Tool-Ergebnissen (bash* als Präfix, &quot;eine Phrase&quot;)</translation>
    </message>
    <message>
        <source>Every word must match. A word ending in * matches as a prefix; &quot;quoted words&quot; match as a phrase. At most %1 words or phrases, %2 characters.</source>
        <translation>Jedes Wort muss vorkommen. Ein Wort mit * am Ende passt als Präfix; &quot;Wörter in Anführungszeichen&quot; passen als Phrase. Höchstens %1 Wörter oder Phrasen, %2 Zeichen.</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche läuft…</translation>
    </message>
    <message>
        <source>%1 (epoch %2)</source>
        <translation>%1 (Epoche %2)</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Suche abgebrochen.</translation>
    </message>
    <message>
        <source>Cannot search: %1</source>
        <translation>Suche nicht möglich: %1</translation>
    </message>
    <message>
        <source>No message holds every word (%1 ms).</source>
        <translation>Keine Nachricht enthält alle Wörter (%1 ms).</translation>
    </message>
    <message>
        <source>The store is read-only: they cannot be indexed.</source>
        <translation>Der Speicher ist schreibgeschützt: Die Nachrichten können nicht indiziert werden.</translation>
    </message>
</context>
<context>
    <name>SearchQuery</name>
    <message>
        <source>The search is %1 characters long; at most %2 are searched. Shorten it.</source>
        <translation>Die Suche ist %1 Zeichen lang; höchstens %2 werden durchsucht. Bitte kürzen Sie sie.</translation>
    </message>
    <message>
        <source>The search has more than %1 different words or phrases; at most %1 are searched. Leave some out.</source>
        <translation>Die Suche hat mehr als %1 verschiedene Wörter oder Phrasen; höchstens %1 werden gesucht. Lassen Sie einige weg.</translation>
    </message>
</context>
<context>
    <name>Store</name>
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
    <message>
        <source>cannot read the store&apos;s schema version: %1</source>
        <translation>die Schemaversion des Speichers ist nicht lesbar: %1</translation>
    </message>
    <message>
        <source>no store at %1: the file does not exist (an import creates one)</source>
        <translation>kein Speicher unter %1: Die Datei existiert nicht (ein Import legt sie an)</translation>
    </message>
    <message>
        <source>cannot create the store %1: %2</source>
        <translation>der Speicher %1 kann nicht angelegt werden: %2</translation>
    </message>
    <message>
        <source>the store %1 is read-only and has schema version %2, older than this Runlens (%3): open it once where it can be written to upgrade it</source>
        <translation>der Speicher %1 ist schreibgeschützt und hat die Schemaversion %2, älter als dieses Runlens (%3): Öffnen Sie ihn einmal dort, wo er beschreibbar ist, um ihn zu aktualisieren</translation>
    </message>
    <message>
        <source>the store %1 is read-only: its file or its folder cannot be written</source>
        <translation>der Speicher %1 ist schreibgeschützt: Seine Datei oder sein Ordner ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>cannot save the test suite in %1: %2</source>
        <translation>die Testsuite kann nicht in %1 gespeichert werden: %2</translation>
    </message>
    <message>
        <source>not connected to PostgreSQL</source>
        <translation>nicht mit PostgreSQL verbunden</translation>
    </message>
    <message>
        <source>cannot connect to %1: %2</source>
        <translation>keine Verbindung zu %1: %2</translation>
    </message>
    <message>
        <source>%1 holds no Runlens store yet (`runlens-cli copy --to` makes one)</source>
        <translation>%1 enthält noch keinen Runlens-Speicher (`runlens-cli copy --to` legt einen an)</translation>
    </message>
    <message>
        <source>cannot keep the anatomy of sample %1 in %2: %3</source>
        <translation>die Anatomie von Sample %1 kann nicht in %2 gespeichert werden: %3</translation>
    </message>
    <message>
        <source>the role %1 may read the store %2 but not write into it (it lacks INSERT on its tables or the use of their sequences): import with a role that may, such as the importer role of the README</source>
        <translation>die Rolle %1 darf den Speicher %2 lesen, aber nicht in ihn schreiben (ihr fehlt INSERT auf seinen Tabellen oder die Nutzung ihrer Sequenzen): importieren Sie mit einer Rolle, die das darf, etwa der Importer-Rolle aus der README</translation>
    </message>
    <message>
        <source>cannot read the transcript of sample %1 from %2: %3</source>
        <translation>das Transkript von Sample %1 lässt sich nicht aus %2 lesen: %3</translation>
    </message>
    <message>
        <source>cannot rename %1</source>
        <translation>%1 lässt sich nicht umbenennen</translation>
    </message>
    <message>
        <source>re-runs and test suites are not stored into a store on PostgreSQL (%1) yet: run them on a SQLite store, then `runlens-cli copy` it there</source>
        <translation>erneute Testläufe und Testsuiten werden noch nicht in einem Speicher auf PostgreSQL (%1) gespeichert: führen Sie sie auf einem SQLite-Speicher aus und kopieren Sie diesen dann mit `runlens-cli copy` dorthin</translation>
    </message>
</context>
<context>
    <name>StoreCopier</name>
    <message>
        <source>file</source>
        <translation>Datei</translation>
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
    <name>TaskSolveRateModel</name>
    <message>
        <source>%1% [%2, %3] n=%4</source>
        <translation>%1 % [%2, %3] n=%4</translation>
    </message>
    <message>
        <source>%1 on %2: %3% of its epochs solved, averaged over %4 samples; 95% interval %5% to %6%.
%7</source>
        <translation>%1 auf %2: %3 % seiner Epochen gelöst, gemittelt über %4 Samples; 95-%-Intervall %5 % bis %6 %.
%7</translation>
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
    <name>TranscriptModel</name>
    <message>
        <source>no price</source>
        <translation>kein Preis</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Turn</source>
        <translation>Runde</translation>
    </message>
</context>
<context>
    <name>WorkspaceBuilder</name>
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
    <message>
        <source>CRC-32 mismatch in member %1: its bytes are not those the archive recorded (%2)</source>
        <translation>CRC-32-Fehler in Eintrag %1: Seine Bytes sind nicht die, die das Archiv verzeichnet hat (%2)</translation>
    </message>
    <message>
        <source>member %1 is damaged: %2</source>
        <translation>Eintrag %1 ist beschädigt: %2</translation>
    </message>
    <message>
        <source>member %1 is larger than %2 MB, more than it may be</source>
        <translation>Eintrag %1 ist größer als %2 MB, mehr als erlaubt</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <source>The store: a SQLite file (default: %1), or a team store on PostgreSQL, postgresql://USER@HOST:PORT/DB (read only so far).</source>
        <translation>Der Speicher: eine SQLite-Datei (Vorgabe: %1) oder ein Team-Speicher auf PostgreSQL, postgresql://USER@HOST:PORT/DB (bisher nur lesend).</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>runlens-cli: unknown command &apos;%1&apos;
</source>
        <translation>runlens-cli: unbekannter Befehl &apos;%1&apos;
</translation>
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
        <source>Language, e.g. de (default: the system&apos;s).</source>
        <translation>Sprache, z. B. de (Vorgabe: die des Systems).</translation>
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
        <source>cannot write the PNG &apos;%1&apos;
</source>
        <translation>die PNG-Datei &apos;%1&apos; lässt sich nicht schreiben
</translation>
    </message>
    <message>
        <source>window usable after %1 ms (%2 samples)
</source>
        <translation>Fenster nach %1 ms bedienbar (%2 Samples)
</translation>
    </message>
    <message>
        <source>filter change: %1 ms on average, %2 ms at worst, over %3 changes
</source>
        <translation>Filterwechsel: %1 ms im Mittel, höchstens %2 ms, über %3 Wechsel
</translation>
    </message>
    <message>
        <source>Words the search view looks for.</source>
        <translation>Wörter, nach denen die Suchansicht sucht.</translation>
    </message>
    <message>
        <source>A file or folder the import view imports.</source>
        <translation>Eine Datei oder ein Ordner für die Importansicht.</translation>
    </message>
    <message>
        <source>Measure start-up and filter changes on the store, then quit.</source>
        <translation>Start und Filterwechsel auf dem Speicher messen, dann beenden.</translation>
    </message>
    <message>
        <source>light or dark (default: the system&apos;s).</source>
        <translation>light oder dark (Vorgabe: die des Systems).</translation>
    </message>
    <message>
        <source>replay: scrolling a page at worst %1 ms; scrubbing to a step %2 ms on average, %3 ms at worst
</source>
        <translation>Wiedergabe: eine Seite blättern höchstens %1 ms; zu einem Schritt springen %2 ms im Mittel, höchstens %3 ms
</translation>
    </message>
    <message>
        <source>The replay view shows its tests over time.</source>
        <translation>Die Wiedergabeansicht zeigt ihre Tests über die Zeit.</translation>
    </message>
    <message>
        <source>The second sample of the compare view.</source>
        <translation>Das zweite Sample der Vergleichsansicht.</translation>
    </message>
    <message>
        <source>unknown view &apos;%1&apos; (known: main, %2, search, import, prices, replay, compare, rerun)
</source>
        <translation>unbekannte Ansicht &apos;%1&apos; (bekannt: main, %2, search, import, prices, replay, compare, rerun)
</translation>
    </message>
    <message>
        <source>Render a view offscreen instead of opening the window: main, runs, samples, outcomes, solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens, duration, paired, search, import, prices, replay, compare, rerun.</source>
        <translation>Eine Ansicht offscreen rendern statt das Fenster zu öffnen: main, runs, samples, outcomes, solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens, duration, paired, search, import, prices, replay, compare, rerun.</translation>
    </message>
    <message>
        <source>Window size for --render, e.g. 1600x1000 (default: each view&apos;s own).</source>
        <translation>Fenstergröße für --render, z. B. 1600x1000 (Vorgabe: die eigene jeder Ansicht).</translation>
    </message>
    <message>
        <source>no sample %1 in the store &apos;%2&apos; (runlens-cli samples lists them)</source>
        <translation>kein Sample %1 im Speicher &apos;%2&apos; (runlens-cli samples listet sie auf)</translation>
    </message>
    <message>
        <source>replay: first screen after %1 ms (first frame, its blocks and pass curve still being read: %2 ms, %3 ms of the UI thread&apos;s processor time)
</source>
        <translation>Wiedergabe: erster Bildschirm nach %1 ms (erster Frame, seine Blöcke und die Bestehenskurve werden noch gelesen: %2 ms, %3 ms Prozessorzeit des UI-Threads)
</translation>
    </message>
    <message>
        <source>replay: the UI thread&apos;s own processor time in a frame at worst: scrolling %1 ms, scrubbing %2 ms
</source>
        <translation>Wiedergabe: eigene Prozessorzeit des UI-Threads in einem Frame höchstens: Blättern %1 ms, Springen %2 ms
</translation>
    </message>
    <message>
        <source>replay: until the blocks are shown: a page at worst %1 ms; a step %2 ms on average, %3 ms at worst
</source>
        <translation>Wiedergabe: bis die Blöcke angezeigt werden: eine Seite höchstens %1 ms; ein Schritt %2 ms im Mittel, höchstens %3 ms
</translation>
    </message>
    <message>
        <source>Usage: runlens-cli COMMAND [options]

Commands:
  import PATH...   import Inspect logs (.eval, .json; folders recursively) into the store
  runs             list the imported runs with their accuracy
  samples          list the imported samples (filters: model, task, program, tier, epoch, outcome, run)
  stats            solve rates over tasks with intervals (--by model|tier|task), two models compared
                   (--paired MODEL_A MODEL_B), or where the runs&apos; time and money went (--anatomy)
  synth            write MirrorCode-shaped Inspect archives (demo data, benchmarks)
  bench            benchmarks: import (beside its floor), runner (beside a shell loop), store (SQLite
                   beside PostgreSQL)
  test             run a test suite against a program, sandboxed
  rerun SAMPLE     re-run a suite on a sample&apos;s code at steps of its transcript
  transcript SAMPLE  a sample&apos;s transcript as text (grep, diff) or JSON Lines, streamed
  report SAMPLE    a run&apos;s anatomy: where it stalled, what broke it, where the money went (text, JSON, HTML)
  plot KIND        a figure (solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens,
                   duration) as PDF, SVG or PNG, with its CSV
  copy             copy runs between stores, SQLite or PostgreSQL, all or some

Run &apos;runlens-cli COMMAND --help&apos; for a command&apos;s options.
</source>
        <translation>Aufruf: runlens-cli BEFEHL [Optionen]

Befehle:
  import PFAD...   Inspect-Logs (.eval, .json; Ordner rekursiv) in den Speicher importieren
  runs             die importierten Läufe mit ihrer Genauigkeit auflisten
  samples          die importierten Samples auflisten (Filter: model, task, program, tier, epoch, outcome, run)
  stats            Lösungsraten über Aufgaben mit Intervallen (--by model|tier|task), zwei Modelle im Vergleich
                   (--paired MODELL_A MODELL_B) oder wohin Zeit und Geld der Läufe gingen (--anatomy)
  synth            Inspect-Archive in der Form von MirrorCode schreiben (Demodaten, Benchmarks)
  bench            Benchmarks: import (neben seiner Untergrenze), runner (neben einer Shell-Schleife), store
                   (SQLite neben PostgreSQL)
  test             eine Testsuite gegen ein Programm ausführen, in einer Sandbox
  rerun SAMPLE     eine Suite auf dem Code eines Samples bei Schritten seines Transkripts erneut ausführen
  transcript SAMPLE  das Transkript eines Samples als Text (grep, diff) oder JSON Lines, gestreamt
  report SAMPLE    die Anatomie eines Laufs: wo er stockte, was ihn zurückwarf, wohin das Geld ging (Text, JSON, HTML)
  plot KIND        eine Abbildung (solve-rate, tier, program-size, cost-curve, pareto, cost-by-task, tokens,
                   duration) als PDF, SVG oder PNG, mit ihrer CSV
  copy             Läufe zwischen Speichern kopieren, SQLite oder PostgreSQL, alle oder einige

Mit &apos;runlens-cli BEFEHL --help&apos; erhalten Sie die Optionen eines Befehls.
</translation>
    </message>
    <message>
        <source>replay: find &quot;%1&quot;: moved to step %2 of %3 found %4 ms after Enter (the UI thread&apos;s processor time: %5 ms, %6 ms of it on Enter; the index&apos;s query alone %7 ms); peak memory %8 MB (%9 MB before the find)
</source>
        <translation>Wiedergabe: Suche &quot;%1&quot;: zu Schritt %2 von %3 Treffern gesprungen, %4 ms nach Enter (Prozessorzeit des UI-Threads: %5 ms, davon %6 ms bei Enter; die Abfrage des Index allein %7 ms); Spitzenspeicher %8 MB (%9 MB vor der Suche)
</translation>
    </message>
    <message>
        <source>replay: its anatomy and the curve&apos;s marks shown after %1 ms
</source>
        <translation>Wiedergabe: ihre Anatomie und die Markierungen der Kurve nach %1 ms gezeigt
</translation>
    </message>
</context>
</TS>
