<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
  <context>
    <name>hqa::ui::AssessmentWorker</name>
    <message>
      <source>No project is open.</source>
      <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message>
      <source>Nothing was assessed, the verdicts are kept: %1 Check Edit &gt; Preferences.</source>
      <translation>Nichts wurde bewertet, die Urteile bleiben erhalten: %1 Bitte Bearbeiten &gt; Einstellungen prüfen.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::AttributePanel</name>
    <message>
      <source>Flip this verdict (key %1)</source>
      <translation>Dieses Urteil umkehren (Taste %1)</translation>
    </message>
    <message>
      <source>score %p%</source>
      <translation>Wert %p %</translation>
    </message>
    <message>
      <source>No photo selected</source>
      <translation>Kein Foto ausgewählt</translation>
    </message>
    <message>
      <source>Not judged</source>
      <translation>Nicht beurteilt</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>Bestanden</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>Nicht bestanden</translation>
    </message>
    <message>
      <source>Corrected by a reviewer (the engine said %1).</source>
      <translation>Von einer Prüferin oder einem Prüfer korrigiert (die Engine sagte %1).</translation>
    </message>
    <message>
      <source>pass</source>
      <translation>bestanden</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>nicht bestanden</translation>
    </message>
    <message>
      <source>engine score %p%, overruled</source>
      <translation>Engine-Wert %p%, überstimmt</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::GoldenSetView</name>
    <message>
      <source>pass</source>
      <translation>bestanden</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>nicht bestanden</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>Anzeigen:</translation>
    </message>
    <message>
      <source>All photos</source>
      <translation>Alle Fotos</translation>
    </message>
    <message>
      <source>Not yet verified</source>
      <translation>Noch nicht bestätigt</translation>
    </message>
    <message>
      <source>Golden label differs from prediction</source>
      <translation>Referenzlabel weicht von der Vorhersage ab</translation>
    </message>
    <message>
      <source>&amp;Import labels.csv...</source>
      <translation>labels.csv &amp;importieren …</translation>
    </message>
    <message>
      <source>&amp;Export labels.csv...</source>
      <translation>labels.csv &amp;exportieren …</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Foto</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>Bestätigt</translation>
    </message>
    <message>
      <source>Prediction</source>
      <translation>Vorhersage</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Übereinstimmung</translation>
    </message>
    <message>
      <source>Keys 1-6 toggle the current photo's attributes, Space marks it verified.</source>
      <translation>Die Tasten 1–6 schalten die Merkmale des aktuellen Fotos um, die Leertaste bestätigt es.</translation>
    </message>
    <message>
      <source>Cannot read the project: %1</source>
      <translation>Das Projekt kann nicht gelesen werden: %1</translation>
    </message>
    <message>
      <source>verified</source>
      <translation>bestätigt</translation>
    </message>
    <message>
      <source>not verified</source>
      <translation>nicht bestätigt</translation>
    </message>
    <message>
      <source>Click or press Space to store this label as verified</source>
      <translation>Klicken oder Leertaste drücken, um dieses Label als bestätigt zu speichern</translation>
    </message>
    <message>
      <source>Click or press %1 to toggle</source>
      <translation>Zum Umschalten klicken oder %1 drücken</translation>
    </message>
    <message>
      <source>The engine's verdict, before any correction</source>
      <translation>Das Urteil der Engine, vor jeder Korrektur</translation>
    </message>
    <message>
      <source>no verdict</source>
      <translation>kein Urteil</translation>
    </message>
    <message>
      <source>not assessed</source>
      <translation>nicht bewertet</translation>
    </message>
    <message>
      <source>differs: %1</source>
      <translation>weicht ab: %1</translation>
    </message>
    <message>
      <source>no engine verdict to compare: %1</source>
      <translation>kein Urteil der Engine zum Vergleich: %1</translation>
    </message>
    <message>
      <source>not assessed yet, nothing to compare</source>
      <translation>noch nicht bewertet, nichts zu vergleichen</translation>
    </message>
    <message>
      <source>nothing to compare: no attribute is known in both</source>
      <translation>nichts zu vergleichen: kein Merkmal ist in beiden bekannt</translation>
    </message>
    <message>
      <source>agrees</source>
      <translation>stimmt überein</translation>
    </message>
    <message>
      <source>Cannot store the golden label: %1</source>
      <translation>Das Referenzlabel kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
      <source>No project is open.</source>
      <translation>Es ist kein Projekt geöffnet.</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n golden label(s) to %1.</source>
      <translation>
        <numerusform>%n Referenzlabel nach %1 exportiert.</numerusform>
        <numerusform>%n Referenzlabels nach %1 exportiert.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot import %1: %2</source>
      <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
      <source>line %1: %2</source>
      <translation>Zeile %1: %2</translation>
    </message>
    <message>
      <source>line %1: %2 (%3)</source>
      <translation>Zeile %1: %2 (%3)</translation>
    </message>
    <message>
      <source>Imported %1 golden label(s) (%2 by path, %3 by content).</source>
      <translation>%1 Referenzlabel(s) importiert (%2 über den Pfad, %3 über den Inhalt).</translation>
    </message>
    <message>
      <source>%1 row(s) match no photo of the project: %2</source>
      <translation>%1 Zeile(n) passen zu keinem Foto des Projekts: %2</translation>
    </message>
    <message>
      <source>Export golden labels</source>
      <translation>Referenzlabels exportieren</translation>
    </message>
    <message>
      <source>Label files (*.csv)</source>
      <translation>Label-Dateien (*.csv)</translation>
    </message>
    <message>
      <source>Cannot export: %1</source>
      <translation>Export nicht möglich: %1</translation>
    </message>
    <message>
      <source>Import golden labels</source>
      <translation>Referenzlabels importieren</translation>
    </message>
    <message>
      <source>Label files (*.csv);;All files (*)</source>
      <translation>Label-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::LearnDialog</name>
    <message>
      <source>Learn from corrections</source>
      <translation>Aus Korrekturen lernen</translation>
    </message>
    <message>
      <source>Trains a small head per attribute on the engine's evidence, from this project's corrections and golden labels. Every person's photos are held out once and judged by a head that learned from the other people only (the photo's folder stands for the person). A head replaces the engine on an attribute only when at least 5 different people were held out and its gain on them is larger than the noise: the 95% interval of the gain lies above zero.</source>
      <translation>Trainiert aus den Korrekturen und Referenzlabels dieses Projekts einen kleinen Kopf pro Merkmal auf den Messwerten der Engine. Die Fotos jeder Person werden einmal zurückgehalten und von einem Kopf beurteilt, der nur von den anderen Personen gelernt hat (der Ordner des Fotos steht für die Person). Ein Kopf ersetzt die Engine bei einem Merkmal nur, wenn mindestens 5 verschiedene Personen zurückgehalten wurden und sein Gewinn bei ihnen größer als das Rauschen ist: das 95-%-Intervall des Gewinns liegt über null.</translation>
    </message>
    <message>
      <source>Accuracy before</source>
      <translation>Genauigkeit vorher</translation>
    </message>
    <message>
      <source>Accuracy after</source>
      <translation>Genauigkeit nachher</translation>
    </message>
    <message>
      <source>Held-out photos</source>
      <translation>Zurückgehaltene Fotos</translation>
    </message>
    <message>
      <source>Held-out people</source>
      <translation>Zurückgehaltene Personen</translation>
    </message>
    <message>
      <source>Gain in points (95% interval)</source>
      <translation>Gewinn in Punkten (95-%-Intervall)</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Ergebnis</translation>
    </message>
    <message>
      <source>Versions of the head in this project (the active one is marked):</source>
      <translation>Versionen des Kopfes in diesem Projekt (die aktive ist markiert):</translation>
    </message>
    <message>
      <source>&amp;Train</source>
      <translation>&amp;Trainieren</translation>
    </message>
    <message>
      <source>&amp;Cancel training</source>
      <translation>Training &amp;abbrechen</translation>
    </message>
    <message>
      <source>&amp;Use the new head</source>
      <translation>Neuen Kopf &amp;verwenden</translation>
    </message>
    <message>
      <source>&amp;Restore selected version</source>
      <translation>Ausgewählte Version &amp;wiederherstellen</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Schließen</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Bitte zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
      <source>This build has no corrections-head trainer (core/train/CorrectionsHead.h), so training is not available. Earlier versions can still be restored.</source>
      <translation>Diese Version enthält kein Training für den Korrekturkopf (core/train/CorrectionsHead.h), daher ist Training nicht verfügbar. Frühere Versionen können weiterhin wiederhergestellt werden.</translation>
    </message>
    <message>
      <source>Press Train to start.</source>
      <translation>Zum Starten auf Trainieren drücken.</translation>
    </message>
    <message>
      <source>Training…</source>
      <translation>Training läuft …</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Wird abgebrochen …</translation>
    </message>
    <message>
      <source>Training cancelled; the active head is unchanged.</source>
      <translation>Training abgebrochen; der aktive Kopf bleibt unverändert.</translation>
    </message>
    <message>
      <source>Training failed: %1</source>
      <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
      <source>Checked on %n held-out photo(s)</source>
      <translation>
        <numerusform>Geprüft an %n zurückgehaltenen Foto</numerusform>
        <numerusform>Geprüft an %n zurückgehaltenen Fotos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>of %n different people, each judged by a head that learned from the other people only.</source>
      <translation>
        <numerusform>von %n Person, beurteilt von einem Kopf, der nur von den anderen Personen gelernt hat.</numerusform>
        <numerusform>von %n verschiedenen Personen, jeweils beurteilt von einem Kopf, der nur von den anderen Personen gelernt hat.</numerusform>
      </translation>
    </message>
    <message>
      <source>Trained on %1 sample(s), compared on %2 held-out sample(s).</source>
      <translation>Mit %1 Beispiel(en) trainiert, mit %2 zurückgehaltenen Beispiel(en) verglichen.</translation>
    </message>
    <message>
      <source>No attribute beat the engine on held-out people by more than the noise, so the engine keeps judging every attribute; the table says why for each.</source>
      <translation>Kein Merkmal hat die Engine bei zurückgehaltenen Personen um mehr als das Rauschen übertroffen; die Engine beurteilt daher weiter alle Merkmale. Die Tabelle nennt für jedes den Grund.</translation>
    </message>
    <message>
      <source>The new head is not active until you press "Use the new head".</source>
      <translation>Der neue Kopf ist erst aktiv, wenn Sie „Neuen Kopf verwenden“ drücken.</translation>
    </message>
    <message>
      <source>%1 (%2 to %3)</source>
      <translation>%1 (%2 bis %3)</translation>
    </message>
    <message>
      <source>Learned</source>
      <translation>Gelernt</translation>
    </message>
    <message>
      <source>Engine kept</source>
      <translation>Engine beibehalten</translation>
    </message>
    <message>
      <source>The head could not be registered: %1</source>
      <translation>Der Kopf konnte nicht registriert werden: %1</translation>
    </message>
    <message>
      <source>The new head (version %1) is active.</source>
      <translation>Der neue Kopf (Version %1) ist aktiv.</translation>
    </message>
    <message>
      <source>The file of this version is missing: %1</source>
      <translation>Die Datei dieser Version fehlt: %1</translation>
    </message>
    <message>
      <source>Version %1 is active again.</source>
      <translation>Version %1 ist wieder aktiv.</translation>
    </message>
    <message>
      <source>%1 (registered %2)%3</source>
      <translation>%1 (registriert %2)%3</translation>
    </message>
    <message>
      <source> - active</source>
      <translation> – aktiv</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::MainWindow</name>
    <message>
      <source>Headshot QA</source>
      <translation>Headshot QA</translation>
    </message>
    <message>
      <source>%v of %m</source>
      <translation>%v von %m</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Drop photos or folders anywhere on this window, or use File &gt; Open files (Ctrl+O).</source>
      <translation>Fotos oder Ordner irgendwo in dieses Fenster ziehen oder Datei &gt; Dateien öffnen (Strg+O) verwenden.</translation>
    </message>
    <message>
      <source>All photos</source>
      <translation>Alle Fotos</translation>
    </message>
    <message>
      <source>Any failing attribute</source>
      <translation>Irgendein Merkmal nicht bestanden</translation>
    </message>
    <message>
      <source>Failing: %1</source>
      <translation>Nicht bestanden: %1</translation>
    </message>
    <message>
      <source>Passing: %1</source>
      <translation>Bestanden: %1</translation>
    </message>
    <message>
      <source>Corrected</source>
      <translation>Korrigiert</translation>
    </message>
    <message>
      <source>Not corrected</source>
      <translation>Nicht korrigiert</translation>
    </message>
    <message>
      <source>Disagrees with golden label</source>
      <translation>Weicht vom Referenzlabel ab</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <source>Missing files</source>
      <translation>Fehlende Dateien</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>Nicht bewertet</translation>
    </message>
    <message>
      <source>Sort by name</source>
      <translation>Nach Name sortieren</translation>
    </message>
    <message>
      <source>Sort by failures (most first)</source>
      <translation>Nach Mängeln sortieren (meiste zuerst)</translation>
    </message>
    <message>
      <source>Sort by score: %1</source>
      <translation>Nach Wert sortieren: %1</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>&amp;Anzeigen:</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>Fotos</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;Datei</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;Neues Projekt …</translation>
    </message>
    <message>
      <source>Open &amp;project…</source>
      <translation>&amp;Projekt öffnen …</translation>
    </message>
    <message>
      <source>Ctrl+Shift+P</source>
      <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
      <source>&amp;Open files…</source>
      <translation>Dateien ö&amp;ffnen …</translation>
    </message>
    <message>
      <source>Open &amp;folder…</source>
      <translation>&amp;Ordner öffnen …</translation>
    </message>
    <message>
      <source>Ctrl+Shift+O</source>
      <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Beenden</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
      <source>&amp;Undo correction</source>
      <translation>Korrektur &amp;rückgängig machen</translation>
    </message>
    <message>
      <source>&amp;Redo correction</source>
      <translation>Korrektur &amp;wiederherstellen</translation>
    </message>
    <message>
      <source>Ctrl+Shift+Z</source>
      <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
      <source>Flip verdict: %1</source>
      <translation>Urteil umkehren: %1</translation>
    </message>
    <message>
      <source>&amp;Accept all verdicts of the photo</source>
      <translation>&amp;Alle Urteile des Fotos übernehmen</translation>
    </message>
    <message>
      <source>&amp;Next photo</source>
      <translation>&amp;Nächstes Foto</translation>
    </message>
    <message>
      <source>&amp;Previous photo</source>
      <translation>&amp;Vorheriges Foto</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;Ansicht</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>Ver&amp;größern</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
      <source>&amp;Fit to window</source>
      <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
      <source>Face box</source>
      <translation>Gesichtsrahmen</translation>
    </message>
    <message>
      <source>Landmarks</source>
      <translation>Gesichtspunkte</translation>
    </message>
    <message>
      <source>Eye line</source>
      <translation>Augenlinie</translation>
    </message>
    <message>
      <source>Vertical centre line</source>
      <translation>Senkrechte Mittellinie</translation>
    </message>
    <message>
      <source>Rule-of-thirds grid</source>
      <translation>Drittelraster</translation>
    </message>
    <message>
      <source>Head-top and chin lines</source>
      <translation>Linien für Scheitel und Kinn</translation>
    </message>
    <message>
      <source>Ideal headshot crop</source>
      <translation>Idealer Porträtausschnitt</translation>
    </message>
    <message>
      <source>Failing margins in the fail colour</source>
      <translation>Nicht bestandene Ränder in der Fehlerfarbe</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Werkzeuge</translation>
    </message>
    <message>
      <source>&amp;Assess selected photos again</source>
      <translation>Ausgewählte Fotos erneut &amp;bewerten</translation>
    </message>
    <message>
      <source>Ctrl+R</source>
      <translation>Ctrl+R</translation>
    </message>
    <message>
      <source>&amp;Cancel assessment</source>
      <translation>Bewertung &amp;abbrechen</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Hilfe</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
      <source>&amp;About Headshot QA</source>
      <translation>&amp;Über Headshot QA</translation>
    </message>
    <message>
      <source>About Headshot QA</source>
      <translation>Über Headshot QA</translation>
    </message>
    <message>
      <source>Headshot QA %1 judges professional headshots on six attributes.</source>
      <translation>Headshot QA %1 beurteilt professionelle Porträtfotos nach sechs Merkmalen.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Tastenkürzel</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Aktion</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Tasten</translation>
    </message>
    <message>
      <source> or </source>
      <translation> oder </translation>
    </message>
    <message>
      <source>Move between photos in the grid</source>
      <translation>Zwischen den Fotos im Raster wechseln</translation>
    </message>
    <message>
      <source>Arrow keys</source>
      <translation>Pfeiltasten</translation>
    </message>
    <message>
      <source>Zoom about the pointer</source>
      <translation>Um den Mauszeiger zoomen</translation>
    </message>
    <message>
      <source>Mouse wheel</source>
      <translation>Mausrad</translation>
    </message>
    <message>
      <source>Pan</source>
      <translation>Verschieben</translation>
    </message>
    <message>
      <source>Drag with the left button</source>
      <translation>Mit der linken Maustaste ziehen</translation>
    </message>
    <message>
      <source>Cannot open the project %1: %2</source>
      <translation>Das Projekt %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
      <source>%1 – Headshot QA</source>
      <translation>%1 – Headshot QA</translation>
    </message>
    <message>
      <source>Project %1 opened.</source>
      <translation>Projekt %1 geöffnet.</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>Neues Projekt</translation>
    </message>
    <message>
      <source>Headshot QA projects (*.hqa)</source>
      <translation>Headshot-QA-Projekte (*.hqa)</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Projekt öffnen</translation>
    </message>
    <message>
      <source>Open photos</source>
      <translation>Fotos öffnen</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</source>
      <translation>Bilder (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Open a folder of photos</source>
      <translation>Einen Ordner mit Fotos öffnen</translation>
    </message>
    <message>
      <source>No project was open: the photos go into the default project %1.</source>
      <translation>Es war kein Projekt geöffnet: Die Fotos kommen in das Standardprojekt %1.</translation>
    </message>
    <message numerus="yes">
      <source>Adding %n photo(s)…</source>
      <translation>
        <numerusform>%n Foto wird hinzugefügt …</numerusform>
        <numerusform>%n Fotos werden hinzugefügt …</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) could not be added: </source>
      <translation>
        <numerusform>%n Datei konnte nicht hinzugefügt werden: </numerusform>
        <numerusform>%n Dateien konnten nicht hinzugefügt werden: </numerusform>
      </translation>
    </message>
    <message>
      <source>%1 = %2</source>
      <translation>%1 = %2</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) had exactly the same content as another photo and share its tile (same verdicts, one entry in the project): </source>
      <translation>
        <numerusform>%n Datei hatte genau denselben Inhalt wie ein anderes Foto und teilt dessen Kachel (gleiche Urteile, ein Eintrag im Projekt): </numerusform>
        <numerusform>%n Dateien hatten genau denselben Inhalt wie ein anderes Foto und teilen dessen Kachel (gleiche Urteile, ein Eintrag im Projekt): </numerusform>
      </translation>
    </message>
    <message>
      <source>Assessing…</source>
      <translation>Bewertung läuft …</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Wird abgebrochen …</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>%1 of %2 · %3 images/s</source>
      <translation>%1 von %2 · %3 Bilder/s</translation>
    </message>
    <message>
      <source>Assessment cancelled at %1 of %2.</source>
      <translation>Bewertung bei %1 von %2 abgebrochen.</translation>
    </message>
    <message numerus="yes">
      <source>Assessment finished: %n error(s).</source>
      <translation>
        <numerusform>Bewertung abgeschlossen: %n Fehler.</numerusform>
        <numerusform>Bewertung abgeschlossen: %n Fehler.</numerusform>
      </translation>
    </message>
    <message>
      <source>(corrected)</source>
      <translation>(korrigiert)</translation>
    </message>
    <message>
      <source>The correction was not saved: %1</source>
      <translation>Die Korrektur wurde nicht gespeichert: %1</translation>
    </message>
    <message>
      <source>%1 set to %2 by %3.</source>
      <translation>%1 von %3 auf %2 gesetzt.</translation>
    </message>
    <message>
      <source>pass</source>
      <translation>bestanden</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>nicht bestanden</translation>
    </message>
    <message>
      <source>Could not accept the verdicts: %1</source>
      <translation>Die Urteile konnten nicht übernommen werden: %1</translation>
    </message>
    <message>
      <source>the photo is no longer in the project</source>
      <translation>das Foto ist nicht mehr im Projekt</translation>
    </message>
    <message>
      <source>This photo has verdicts the engine could not give; set them (keys 1-6) before accepting.</source>
      <translation>Dieses Foto hat Urteile, die die Engine nicht fällen konnte; setzen Sie sie (Tasten 1-6), bevor Sie übernehmen.</translation>
    </message>
    <message>
      <source>All six verdicts accepted and verified by %1.</source>
      <translation>Alle sechs Urteile übernommen und von %1 bestätigt.</translation>
    </message>
    <message>
      <source>Undo failed: %1</source>
      <translation>Rückgängig machen fehlgeschlagen: %1</translation>
    </message>
    <message>
      <source>Redo failed: %1</source>
      <translation>Wiederherstellen fehlgeschlagen: %1</translation>
    </message>
    <message>
      <source>Nothing to undo.</source>
      <translation>Nichts rückgängig zu machen.</translation>
    </message>
    <message>
      <source>Nothing to redo.</source>
      <translation>Nichts wiederherzustellen.</translation>
    </message>
    <message>
      <source>photo %1</source>
      <translation>Foto %1</translation>
    </message>
    <message>
      <source>not judged</source>
      <translation>nicht beurteilt</translation>
    </message>
    <message>
      <source>Undid the change of %1 on %2: %1 is %3 again.</source>
      <translation>Änderung von %1 an %2 rückgängig gemacht: %1 ist wieder %3.</translation>
    </message>
    <message>
      <source>Redid the change of %1 on %2: %1 is %3.</source>
      <translation>Änderung von %1 an %2 wiederhergestellt: %1 ist %3.</translation>
    </message>
    <message>
      <source>golden label %1</source>
      <translation>Referenzlabel %1</translation>
    </message>
    <message>
      <source>not verified</source>
      <translation>nicht bestätigt</translation>
    </message>
    <message>
      <source>Undid the golden-label change of %1: now %2.</source>
      <translation>Änderung des Referenzlabels von %1 rückgängig gemacht: jetzt %2.</translation>
    </message>
    <message>
      <source>Redid the golden-label change of %1: now %2.</source>
      <translation>Änderung des Referenzlabels von %1 wiederhergestellt: jetzt %2.</translation>
    </message>
    <message>
      <source>Golden set</source>
      <translation>Referenzsatz</translation>
    </message>
    <message>
      <source>Metrics</source>
      <translation>Kennzahlen</translation>
    </message>
    <message>
      <source>&amp;Preferences...</source>
      <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
      <source>&amp;Golden set</source>
      <translation>&amp;Referenzsatz</translation>
    </message>
    <message>
      <source>&amp;Metrics dashboard</source>
      <translation>&amp;Kennzahlen-Übersicht</translation>
    </message>
    <message>
      <source>&amp;Learn from corrections...</source>
      <translation>Aus Korrekturen &amp;lernen …</translation>
    </message>
    <message>
      <source>Pick best</source>
      <translation>Bestes auswählen</translation>
    </message>
    <message>
      <source>&amp;Pick best from selection</source>
      <translation>&amp;Bestes aus der Auswahl wählen</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::MetricsDashboard</name>
    <message>
      <source>Threshold curve of:</source>
      <translation>Schwellenkurve für:</translation>
    </message>
    <message>
      <source>&amp;Apply thresholds</source>
      <translation>Schwellen &amp;übernehmen</translation>
    </message>
    <message>
      <source>Store the dragged thresholds in the preferences; photos assessed from now on use them</source>
      <translation>Die gezogenen Schwellen in den Einstellungen speichern; ab jetzt bewertete Fotos verwenden sie</translation>
    </message>
    <message>
      <source>Drag the solid vertical line to try another threshold</source>
      <translation>Die durchgezogene senkrechte Linie ziehen, um eine andere Schwelle auszuprobieren</translation>
    </message>
    <message>
      <source>Threshold</source>
      <translation>Schwelle</translation>
    </message>
    <message>
      <source>Accuracy</source>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <source>Balanced accuracy</source>
      <translation>Balancierte Genauigkeit</translation>
    </message>
    <message>
      <source>Pass F1</source>
      <translation>F1 bestanden</translation>
    </message>
    <message>
      <source>Fail F1</source>
      <translation>F1 nicht bestanden</translation>
    </message>
    <message>
      <source>True pass</source>
      <translation>Richtig bestanden</translation>
    </message>
    <message>
      <source>False fail</source>
      <translation>Falsch nicht bestanden</translation>
    </message>
    <message>
      <source>True fail</source>
      <translation>Richtig nicht bestanden</translation>
    </message>
    <message>
      <source>False pass</source>
      <translation>Falsch bestanden</translation>
    </message>
    <message>
      <source>Cannot read the golden labels: %1</source>
      <translation>Die Referenzlabels können nicht gelesen werden: %1</translation>
    </message>
    <message>
      <source>No golden labels with an assessment yet: verify photos in the golden set mode.</source>
      <translation>Noch keine Referenzlabels mit Bewertung: Fotos im Referenzsatz-Modus bestätigen.</translation>
    </message>
    <message>
      <source>%1 golden photo(s) with an assessment. Hamming accuracy %2, exact match %3, macro F1 %4.</source>
      <translation>%1 Referenzfoto(s) mit Bewertung. Hamming-Genauigkeit %2, exakte Übereinstimmung %3, Makro-F1 %4.</translation>
    </message>
    <message numerus="yes">
      <source>Counted apart, not as engine fails: %n golden photo(s) the engine could not assess: %1</source>
      <translation>
        <numerusform>Gesondert gezählt, nicht als Fehlurteile der Engine: %n Referenzfoto, das die Engine nicht bewerten konnte: %1</numerusform>
        <numerusform>Gesondert gezählt, nicht als Fehlurteile der Engine: %n Referenzfotos, die die Engine nicht bewerten konnte: %1</numerusform>
      </translation>
    </message>
    <message>
      <source>Against the golden labels</source>
      <translation>Gegenüber den Referenzlabels</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PhotoListModel</name>
    <message>
      <source>Not assessed</source>
      <translation>Nicht bewertet</translation>
    </message>
    <message>
      <source>All pass</source>
      <translation>Alle bestanden</translation>
    </message>
    <message numerus="yes">
      <source>%n failing</source>
      <translation>
        <numerusform>%n nicht bestanden</numerusform>
        <numerusform>%n nicht bestanden</numerusform>
      </translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Fehler</translation>
    </message>
    <message>
      <source>Missing file</source>
      <translation>Datei fehlt</translation>
    </message>
    <message>
      <source>Same photo (identical content) as: %1</source>
      <translation>Dasselbe Foto (identischer Inhalt) wie: %1</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PhotoViewer</name>
    <message>
      <source>Photo viewer</source>
      <translation>Fotoansicht</translation>
    </message>
    <message>
      <source>Overlay legend</source>
      <translation>Legende der Einblendungen</translation>
    </message>
    <message>
      <source>Face box</source>
      <translation>Gesichtsrahmen</translation>
    </message>
    <message>
      <source>Landmarks</source>
      <translation>Landmarken</translation>
    </message>
    <message>
      <source>Eye line (tilt)</source>
      <translation>Augenlinie (Neigung)</translation>
    </message>
    <message>
      <source>Vertical centre line</source>
      <translation>Senkrechte Mittellinie</translation>
    </message>
    <message>
      <source>Head-top and chin lines</source>
      <translation>Linien für Scheitel und Kinn</translation>
    </message>
    <message>
      <source>Rule-of-thirds grid</source>
      <translation>Drittelraster</translation>
    </message>
    <message>
      <source>Ideal headshot crop (dash-dot)</source>
      <translation>Idealer Porträtausschnitt (strichpunktiert)</translation>
    </message>
    <message>
      <source>What fails framing</source>
      <translation>Was die Bildaufteilung nicht erfüllt</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Wird geladen …</translation>
    </message>
    <message>
      <source>Select a photo</source>
      <translation>Ein Foto auswählen</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PickBestView</name>
    <message>
      <source>The photo ends inside the standard crop, so this crop stays within the photo (no padding); the head is placed less exactly than in the standard layout.</source>
      <translation>Das Foto endet innerhalb des Standardausschnitts, daher bleibt dieser Ausschnitt im Foto (ohne Auffüllen); der Kopf sitzt weniger genau als im Standardlayout.</translation>
    </message>
    <message>
      <source>No standard crop: the face has no usable landmarks.</source>
      <translation>Kein Standardausschnitt: Das Gesicht hat keine verwendbaren Gesichtspunkte.</translation>
    </message>
    <message>
      <source>Baseline cost (paper)</source>
      <translation>Basis-Kostenfunktion (Artikel)</translation>
    </message>
    <message>
      <source>Multi-stage filter (paper)</source>
      <translation>Mehrstufiger Filter (Artikel)</translation>
    </message>
    <message>
      <source>Weakly supervised regression (paper)</source>
      <translation>Schwach überwachte Regression (Artikel)</translation>
    </message>
    <message>
      <source>Six attributes (product)</source>
      <translation>Sechs Merkmale (Produkt)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Abbrechen</translation>
    </message>
    <message>
      <source>Save crop...</source>
      <translation>Ausschnitt speichern …</translation>
    </message>
    <message>
      <source>Choose a folder, photos or a video with the buttons above, or drop them here, to pick the best face.</source>
      <translation>Wählen Sie mit den Schaltflächen oben einen Ordner, Fotos oder ein Video, oder ziehen Sie sie hierher, um das beste Gesicht auszuwählen.</translation>
    </message>
    <message>
      <source>Folder...</source>
      <translation>Ordner...</translation>
    </message>
    <message>
      <source>Rank the photos of a folder (one person per folder)</source>
      <translation>Die Fotos eines Ordners bewerten (eine Person pro Ordner)</translation>
    </message>
    <message>
      <source>Photos...</source>
      <translation>Fotos...</translation>
    </message>
    <message>
      <source>Rank photos of one person</source>
      <translation>Fotos einer Person bewerten</translation>
    </message>
    <message>
      <source>Video...</source>
      <translation>Video...</translation>
    </message>
    <message>
      <source>Rank the frames of a video, one group per person</source>
      <translation>Die Bilder eines Videos bewerten, eine Gruppe pro Person</translation>
    </message>
    <message>
      <source>Face</source>
      <translation>Gesicht</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>Rang</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Quelle</translation>
    </message>
    <message>
      <source>Brightness %</source>
      <translation>Helligkeit %</translation>
    </message>
    <message>
      <source>Area px²</source>
      <translation>Fläche px²</translation>
    </message>
    <message>
      <source>Yaw</source>
      <translation>Gieren</translation>
    </message>
    <message>
      <source>Pitch</source>
      <translation>Nicken</translation>
    </message>
    <message>
      <source>Roll</source>
      <translation>Rollen</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Begründung</translation>
    </message>
    <message>
      <source>Method:</source>
      <translation>Verfahren:</translation>
    </message>
    <message>
      <source>Group:</source>
      <translation>Gruppe:</translation>
    </message>
    <message>
      <source>Winner's standard crop</source>
      <translation>Standardausschnitt des besten Gesichts</translation>
    </message>
    <message>
      <source>Cancelling...</source>
      <translation>Wird abgebrochen …</translation>
    </message>
    <message numerus="yes">
      <source>Finding faces in %n input(s)...</source>
      <translation>
        <numerusform>Gesichter werden in %n Eingabe gesucht …</numerusform>
        <numerusform>Gesichter werden in %n Eingaben gesucht …</numerusform>
      </translation>
    </message>
    <message>
      <source>Selection cancelled.</source>
      <translation>Auswahl abgebrochen.</translation>
    </message>
    <message>
      <source>Selection failed: %1</source>
      <translation>Auswahl fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
      <source>%1 (%n face(s))</source>
      <translation>
        <numerusform>%1 (%n Gesicht)</numerusform>
        <numerusform>%1 (%n Gesichter)</numerusform>
      </translation>
    </message>
    <message>
      <source>No face found.</source>
      <translation>Kein Gesicht gefunden.</translation>
    </message>
    <message numerus="yes">
      <source>%n group(s) ranked.</source>
      <translation>
        <numerusform>%n Gruppe eingestuft.</numerusform>
        <numerusform>%n Gruppen eingestuft.</numerusform>
      </translation>
    </message>
    <message>
      <source>These photos look like different people (appearance spread %1, one person is usually under %2), yet they are ranked as one group: the winner is the best photo of the lot, not of each person. Rank each person's photos on their own (one folder per person).</source>
      <translation>Diese Fotos sehen nach verschiedenen Personen aus (Streuung des Aussehens %1, bei einer Person meist unter %2), werden aber als eine Gruppe bewertet: Der Gewinner ist das beste Foto von allen, nicht das jeder Person. Bewerten Sie die Fotos jeder Person für sich (ein Ordner pro Person).</translation>
    </message>
    <message>
      <source>(Small group: percentiles are not used.)</source>
      <translation>(Kleine Gruppe: Perzentile werden nicht verwendet.)</translation>
    </message>
    <message>
      <source>Pick best: a folder of one person's photos</source>
      <translation>Bestes wählen: ein Ordner mit Fotos einer Person</translation>
    </message>
    <message>
      <source>Pick best: photos of one person</source>
      <translation>Bestes wählen: Fotos einer Person</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</source>
      <translation>Bilder (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Pick best: a video</source>
      <translation>Bestes wählen: ein Video</translation>
    </message>
    <message>
      <source>Videos (*.mp4 *.mov *.avi *.mkv *.webm *.m4v);;All files (*)</source>
      <translation>Videos (*.mp4 *.mov *.avi *.mkv *.webm *.m4v);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>Save crop</source>
      <translation>Ausschnitt speichern</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png)</source>
      <translation>Bilder (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>Could not write %1.</source>
      <translation>%1 konnte nicht geschrieben werden.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::SettingsDialog</name>
    <message>
      <source>Preferences</source>
      <translation>Einstellungen</translation>
    </message>
    <message>
      <source>Engine</source>
      <translation>Engine</translation>
    </message>
    <message>
      <source>&amp;Engine:</source>
      <translation>&amp;Engine:</translation>
    </message>
    <message>
      <source>engine default</source>
      <translation>Vorgabe der Engine</translation>
    </message>
    <message>
      <source>&amp;Browse...</source>
      <translation>&amp;Durchsuchen …</translation>
    </message>
    <message>
      <source>&amp;Model file:</source>
      <translation>&amp;Modelldatei:</translation>
    </message>
    <message>
      <source>Pass thresholds (score at or above passes)</source>
      <translation>Schwellen (ab diesem Wert bestanden)</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Prüfung</translation>
    </message>
    <message>
      <source>&amp;Reviewer name:</source>
      <translation>&amp;Name der prüfenden Person:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Sprache:</translation>
    </message>
    <message>
      <source>A new language applies to dialogs at once and to the main window at the next start.</source>
      <translation>Eine neue Sprache gilt sofort für Dialoge und beim nächsten Start für das Hauptfenster.</translation>
    </message>
    <message>
      <source>%1 (not available in this build)</source>
      <translation>%1 (in dieser Version nicht verfügbar)</translation>
    </message>
    <message>
      <source>The %1 engine needs a model file; it has no default model.</source>
      <translation>Die Engine %1 braucht eine Modelldatei; sie hat kein Standardmodell.</translation>
    </message>
    <message>
      <source>The model file does not exist.</source>
      <translation>Die Modelldatei existiert nicht.</translation>
    </message>
    <message>
      <source>The model path is not a file.</source>
      <translation>Der Modellpfad ist keine Datei.</translation>
    </message>
    <message>
      <source>The model file cannot be read.</source>
      <translation>Die Modelldatei kann nicht gelesen werden.</translation>
    </message>
    <message>
      <source>The model file is empty.</source>
      <translation>Die Modelldatei ist leer.</translation>
    </message>
    <message>
      <source>The engine needs no model file.</source>
      <translation>Die Engine braucht keine Modelldatei.</translation>
    </message>
    <message>
      <source>OK: the model file is readable.</source>
      <translation>OK: Die Modelldatei ist lesbar.</translation>
    </message>
    <message>
      <source>Problem: %1</source>
      <translation>Problem: %1</translation>
    </message>
    <message>
      <source>Choose a model file</source>
      <translation>Eine Modelldatei auswählen</translation>
    </message>
    <message>
      <source>Models (*.pt *.pth *.dat *.json);;All files (*)</source>
      <translation>Modelle (*.pt *.pth *.dat *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
      <source>The %1 engine cannot start with this model: %2</source>
      <translation>Die Engine %1 kann mit diesem Modell nicht starten: %2</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::TrainingCurves</name>
    <message>
      <source>Training loss</source>
      <translation>Trainingsverlust</translation>
    </message>
    <message>
      <source>Validation loss</source>
      <translation>Validierungsverlust</translation>
    </message>
    <message>
      <source>Validation balanced accuracy</source>
      <translation>Balancierte Genauigkeit (Validierung)</translation>
    </message>
    <message>
      <source>Epoch</source>
      <translation>Epoche</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>Verlust</translation>
    </message>
    <message>
      <source>Validation metric</source>
      <translation>Validierungskennzahl</translation>
    </message>
  </context>
  <context>
    <name>hqa::Engine</name>
    <message>
      <source>no face found in the image</source>
      <translation>kein Gesicht im Bild gefunden</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui</name>
    <message>
      <source>The file is not a readable image.</source>
      <translation>Die Datei ist kein lesbares Bild.</translation>
    </message>
    <message>
      <source>This image format is not supported.</source>
      <translation>Dieses Bildformat wird nicht unterstützt.</translation>
    </message>
    <message>
      <source>The image is too large to open safely.</source>
      <translation>Das Bild ist zu groß, um es sicher zu öffnen.</translation>
    </message>
    <message>
      <source>The image is too small to judge a headshot.</source>
      <translation>Das Bild ist zu klein, um ein Porträt zu beurteilen.</translation>
    </message>
    <message>
      <source>No face was found in the photo.</source>
      <translation>Im Foto wurde kein Gesicht gefunden.</translation>
    </message>
    <message>
      <source>The file could not be read.</source>
      <translation>Die Datei konnte nicht gelesen werden.</translation>
    </message>
    <message>
      <source>The assessment model could not be loaded.</source>
      <translation>Das Bewertungsmodell konnte nicht geladen werden.</translation>
    </message>
    <message>
      <source>The request was not valid.</source>
      <translation>Die Anfrage war ungültig.</translation>
    </message>
    <message>
      <source>The assessment was cancelled.</source>
      <translation>Die Bewertung wurde abgebrochen.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::Badge</name>
    <message>
      <source>L</source>
      <comment>Lighting</comment>
      <translation>L</translation>
    </message>
    <message>
      <source>B</source>
      <comment>Background</comment>
      <translation>H</translation>
    </message>
    <message>
      <source>A</source>
      <comment>Attire</comment>
      <translation>K</translation>
    </message>
    <message>
      <source>E</source>
      <comment>Expression</comment>
      <translation>A</translation>
    </message>
    <message>
      <source>F</source>
      <comment>Framing</comment>
      <translation>B</translation>
    </message>
    <message>
      <source>S</source>
      <comment>Sharpness</comment>
      <translation>S</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::Plots</name>
    <message>
      <source>Accuracy</source>
      <translation>Genauigkeit</translation>
    </message>
    <message>
      <source>Balanced accuracy</source>
      <translation>Balancierte Genauigkeit</translation>
    </message>
    <message>
      <source>Pass F1</source>
      <translation>F1 bestanden</translation>
    </message>
    <message>
      <source>Fail F1</source>
      <translation>F1 nicht bestanden</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Wert</translation>
    </message>
    <message>
      <source>%1: figures against threshold (%2 scored)</source>
      <translation>%1: Kennzahlen über der Schwelle (%2 gewertet)</translation>
    </message>
    <message>
      <source>Threshold (score at or above passes)</source>
      <translation>Schwelle (ab diesem Wert bestanden)</translation>
    </message>
    <message>
      <source>current %1 (solid), best %2 (dash-dot)</source>
      <translation>aktuell %1 (durchgezogen), beste %2 (Strichpunkt)</translation>
    </message>
  </context>
</TS>