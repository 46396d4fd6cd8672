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
    <message>
      <source>How to fix: %1</source>
      <translation>So beheben Sie es: %1</translation>
    </message>
    <message>
      <source>Verified (golden label)</source>
      <translation>Bestätigt (Referenzlabel)</translation>
    </message>
    <message>
      <source>Verified by %1 (golden label)</source>
      <translation>Bestätigt von %1 (Referenzlabel)</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::ComparePane</name>
    <message>
      <source>Compared photo %1</source>
      <translation>Verglichenes Foto %1</translation>
    </message>
    <message>
      <source>Pin</source>
      <translation>Fixieren</translation>
    </message>
    <message>
      <source>Pin this photo as the reference: J and K then change the other photos only (R)</source>
      <translation>Dieses Foto als Referenz fixieren: J und K wechseln dann nur die anderen Fotos (R)</translation>
    </message>
    <message>
      <source>Pin as the reference</source>
      <translation>Als Referenz fixieren</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Referenz</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Wird geladen …</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>Kein Foto</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::CompareView</name>
    <message>
      <source>Compare photos</source>
      <translation>Fotos vergleichen</translation>
    </message>
    <message>
      <source>Two side by side</source>
      <translation>Zwei nebeneinander</translation>
    </message>
    <message>
      <source>Three side by side</source>
      <translation>Drei nebeneinander</translation>
    </message>
    <message>
      <source>Four (2 × 2)</source>
      <translation>Vier (2 × 2)</translation>
    </message>
    <message>
      <source>Number of photos side by side</source>
      <translation>Anzahl der Fotos nebeneinander</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Einpassen</translation>
    </message>
    <message>
      <source>Show each photo whole (0)</source>
      <translation>Jedes Foto vollständig anzeigen (0)</translation>
    </message>
    <message>
      <source>Eyes</source>
      <translation>Augen</translation>
    </message>
    <message>
      <source>Zoom every photo to its eyes (E)</source>
      <translation>Jedes Foto auf seine Augen zoomen (E)</translation>
    </message>
    <message>
      <source>100%</source>
      <translation>100 %</translation>
    </message>
    <message>
      <source>Every photo at 100% on its eyes, and back (Z)</source>
      <translation>Jedes Foto in 100 % auf seine Augen und zurück (Z)</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>Raster</translation>
    </message>
    <message>
      <source>Back to the photo grid (G)</source>
      <translation>Zurück zum Fotoraster (G)</translation>
    </message>
    <message>
      <source>J/K: next/previous photo · wheel or +/-: zoom all · drag: pan all · E: eyes · Z: 100% · 0: fit · R: pin the reference · G: back to the grid</source>
      <translation>J/K: nächstes/vorheriges Foto · Mausrad oder +/-: alle zoomen · Ziehen: alle verschieben · E: Augen · Z: 100 % · 0: einpassen · R: Referenz fixieren · G: zurück zum Raster</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) to compare</source>
      <translation>
        <numerusform>%n Foto zum Vergleichen</numerusform>
        <numerusform>%n Fotos zum Vergleichen</numerusform>
      </translation>
    </message>
    <message>
      <source>the reference is pinned in pane %1</source>
      <translation>die Referenz ist in Feld %1 fixiert</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::CompareWiring</name>
    <message>
      <source>Compare</source>
      <translation>Vergleichen</translation>
    </message>
    <message>
      <source>&amp;Compare selected photos</source>
      <translation>Ausgewählte Fotos &amp;vergleichen</translation>
    </message>
    <message>
      <source>&amp;Group by sitting</source>
      <translation>Nach &amp;Sitzung gruppieren</translation>
    </message>
    <message>
      <source>Show the photos of one sitting (the same person, taken close in time or nearly identical) together, the best first</source>
      <translation>Die Fotos einer Sitzung (dieselbe Person, kurz nacheinander aufgenommen oder nahezu identisch) zusammen anzeigen, das beste zuerst</translation>
    </message>
    <message>
      <source>Keep the &amp;best of the sitting, reject the rest</source>
      <translation>&amp;Bestes Foto der Sitzung behalten, den Rest ablehnen</translation>
    </message>
    <message>
      <source>Select two to four photos to compare (Ctrl+click in the grid), then press C.</source>
      <translation>Wählen Sie zwei bis vier Fotos zum Vergleichen aus (Strg+Klick im Raster) und drücken Sie dann C.</translation>
    </message>
    <message numerus="yes">
      <source>Grouping %n photo(s) by sitting…</source>
      <translation>
        <numerusform>%n Foto wird nach Sitzung gruppiert …</numerusform>
        <numerusform>%n Fotos werden nach Sitzung gruppiert …</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sitting(s) found; </source>
      <translation>
        <numerusform>%n Sitzung gefunden; </numerusform>
        <numerusform>%n Sitzungen gefunden; </numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n with more than one photo.</source>
      <translation>
        <numerusform>%n davon mit mehr als einem Foto.</numerusform>
        <numerusform>%n davon mit mehr als einem Foto.</numerusform>
      </translation>
    </message>
    <message>
      <source>Select a photo of the sitting first.</source>
      <translation>Wählen Sie zuerst ein Foto der Sitzung aus.</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Bitte zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
      <source>This sitting has one photo only: nothing to reject.</source>
      <translation>Diese Sitzung hat nur ein Foto: Es gibt nichts abzulehnen.</translation>
    </message>
    <message>
      <source>The project is open read-only: %1</source>
      <translation>Das Projekt ist schreibgeschützt geöffnet: %1</translation>
    </message>
    <message>
      <source>Could not read the flags: %1</source>
      <translation>Die Markierungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
      <source>Could not save the flags: %1</source>
      <translation>Die Markierungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message numerus="yes">
      <source>Kept %1 (the best of its sitting) and rejected %n other photo(s).</source>
      <translation>
        <numerusform>%1 behalten (das beste seiner Sitzung) und %n anderes Foto abgelehnt.</numerusform>
        <numerusform>%1 behalten (das beste seiner Sitzung) und %n andere Fotos abgelehnt.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::CullActions</name>
    <message>
      <source>Flag as pick</source>
      <translation>Als Auswahl markieren</translation>
    </message>
    <message>
      <source>Flag as reject</source>
      <translation>Als abgelehnt markieren</translation>
    </message>
    <message>
      <source>Unflag</source>
      <translation>Markierung entfernen</translation>
    </message>
    <message>
      <source>Rating: no stars</source>
      <translation>Bewertung: keine Sterne</translation>
    </message>
    <message numerus="yes">
      <source>Rating: %n star(s)</source>
      <translation>
        <numerusform>Bewertung: %n Stern</numerusform>
        <numerusform>Bewertung: %n Sterne</numerusform>
      </translation>
    </message>
    <message>
      <source>Colour label: red</source>
      <translation>Farbmarkierung: Rot</translation>
    </message>
    <message>
      <source>Colour label: yellow</source>
      <translation>Farbmarkierung: Gelb</translation>
    </message>
    <message>
      <source>Colour label: green</source>
      <translation>Farbmarkierung: Grün</translation>
    </message>
    <message>
      <source>Colour label: blue</source>
      <translation>Farbmarkierung: Blau</translation>
    </message>
    <message>
      <source>Colour label: purple</source>
      <translation>Farbmarkierung: Violett</translation>
    </message>
    <message>
      <source>Picked</source>
      <translation>Ausgewählt</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Abgelehnt</translation>
    </message>
    <message>
      <source>Unflagged</source>
      <translation>Ohne Markierung</translation>
    </message>
    <message>
      <source>3 stars or more</source>
      <translation>3 Sterne oder mehr</translation>
    </message>
    <message>
      <source>Sort by rating (most stars first)</source>
      <translation>Nach Bewertung sortieren (meiste Sterne zuerst)</translation>
    </message>
    <message numerus="yes">
      <source>Flagged %n photo(s) as picks.</source>
      <translation>
        <numerusform>%n Foto als Auswahl markiert.</numerusform>
        <numerusform>%n Fotos als Auswahl markiert.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Flagged %n photo(s) as rejects.</source>
      <translation>
        <numerusform>%n Foto als abgelehnt markiert.</numerusform>
        <numerusform>%n Fotos als abgelehnt markiert.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the flag of %n photo(s).</source>
      <translation>
        <numerusform>Markierung von %n Foto entfernt.</numerusform>
        <numerusform>Markierung von %n Fotos entfernt.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the stars of %n photo(s).</source>
      <translation>
        <numerusform>Sterne von %n Foto entfernt.</numerusform>
        <numerusform>Sterne von %n Fotos entfernt.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Rated %n photo(s) with %1.</source>
      <translation>
        <numerusform>%n Foto mit %1 bewertet.</numerusform>
        <numerusform>%n Fotos mit %1 bewertet.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n star(s)</source>
      <translation>
        <numerusform>%n Stern</numerusform>
        <numerusform>%n Sternen</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the colour label of %n photo(s).</source>
      <translation>
        <numerusform>Farbmarkierung von %n Foto entfernt.</numerusform>
        <numerusform>Farbmarkierung von %n Fotos entfernt.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set the colour label of %n photo(s).</source>
      <translation>
        <numerusform>Farbmarkierung von %n Foto gesetzt.</numerusform>
        <numerusform>Farbmarkierung von %n Fotos gesetzt.</numerusform>
      </translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Bitte zuerst ein Projekt öffnen.</translation>
    </message>
    <message>
      <source>The project is open read-only: %1</source>
      <translation>Das Projekt ist schreibgeschützt geöffnet: %1</translation>
    </message>
    <message>
      <source>Select the photos to flag, rate or label first.</source>
      <translation>Wählen Sie zuerst die Fotos aus, die Sie markieren, bewerten oder mit einer Farbe kennzeichnen möchten.</translation>
    </message>
    <message>
      <source>Could not read the flags and ratings: %1</source>
      <translation>Die Markierungen und Bewertungen konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
      <source>Could not save the flags and ratings: %1</source>
      <translation>Die Markierungen und Bewertungen konnten nicht gespeichert werden: %1</translation>
    </message>
    <message>
      <source>Nothing to change: the selected photos are marked so already.</source>
      <translation>Nichts zu ändern: Die ausgewählten Fotos sind bereits so markiert.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::ExportPicksDialog</name>
    <message>
      <source>Export picks</source>
      <translation>Auswahl exportieren</translation>
    </message>
    <message>
      <source>Folder to export into</source>
      <translation>Zielordner für den Export</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Durchsuchen …</translation>
    </message>
    <message>
      <source>Export into</source>
      <translation>Exportieren nach</translation>
    </message>
    <message>
      <source>Folder:</source>
      <translation>Ordner:</translation>
    </message>
    <message numerus="yes">
      <source>Picked photos (%n)</source>
      <translation>
        <numerusform>Als Auswahl markierte Fotos (%n)</numerusform>
        <numerusform>Als Auswahl markierte Fotos (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Selected photos (%n)</source>
      <translation>
        <numerusform>Im Raster ausgewählte Fotos (%n)</numerusform>
        <numerusform>Im Raster ausgewählte Fotos (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Photos whose six verdicts pass (%n)</source>
      <translation>
        <numerusform>Fotos, die alle sechs Urteile bestehen (%n)</numerusform>
        <numerusform>Fotos, die alle sechs Urteile bestehen (%n)</numerusform>
      </translation>
    </message>
    <message>
      <source>Photos:</source>
      <translation>Fotos:</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Kopieren</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>Verschieben</translation>
    </message>
    <message>
      <source>Each source is deleted only after its copy was written and verified.</source>
      <translation>Jede Quelldatei wird erst gelöscht, nachdem ihre Kopie geschrieben und überprüft wurde.</translation>
    </message>
    <message>
      <source>Files:</source>
      <translation>Dateien:</translation>
    </message>
    <message>
      <source>Originals</source>
      <translation>Originale</translation>
    </message>
    <message>
      <source>XMP sidecars with the originals</source>
      <translation>XMP-Filialdateien zu den Originalen</translation>
    </message>
    <message>
      <source>Standard crop 4:5 (EXIF and colour profile kept)</source>
      <translation>Standardausschnitt 4:5 (EXIF und Farbprofil bleiben erhalten)</translation>
    </message>
    <message>
      <source>Square crop 1:1 for profile sites</source>
      <translation>Quadratischer Ausschnitt 1:1 für Profilseiten</translation>
    </message>
    <message>
      <source>Export:</source>
      <translation>Export:</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Exportieren</translation>
    </message>
    <message>
      <source>Nothing exported: %1</source>
      <translation>Nichts exportiert: %1</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Export läuft …</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Anhalten</translation>
    </message>
    <message numerus="yes">
      <source>%1 of %n photo(s) moved to %2.</source>
      <translation>
        <numerusform>%1 von %n Foto nach %2 verschoben.</numerusform>
        <numerusform>%1 von %n Fotos nach %2 verschoben.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 of %n photo(s) exported to %2.</source>
      <translation>
        <numerusform>%1 von %n Foto nach %2 exportiert.</numerusform>
        <numerusform>%1 von %n Fotos nach %2 exportiert.</numerusform>
      </translation>
    </message>
    <message>
      <source>The project still lists the moved photos at their old place: %1</source>
      <translation>Das Projekt führt die verschobenen Fotos noch an ihrem alten Ort: %1</translation>
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
      <source>%1 of the %2 most similar verified photos say %3</source>
      <translation>%1 der %2 ähnlichsten bestätigten Fotos sagen %3</translation>
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
      <source>The most similar verified photos are those the engine measured most alike on that attribute. A label they contradict is worth re-checking; one they share points to a mistake of the engine.</source>
      <translation>Die ähnlichsten bestätigten Fotos sind jene, die die Engine bei diesem Merkmal am ähnlichsten gemessen hat. Ein Label, dem sie widersprechen, verdient einen zweiten Blick; eines, das sie teilen, deutet auf einen Fehler der Engine.</translation>
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
      <source>Corrections head</source>
      <translation>Korrekturkopf</translation>
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
      <source>- : not enough reviewed photos of this attribute to learn</source>
      <translation>- : nicht genug geprüfte Fotos dieses Merkmals zum Lernen</translation>
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
      <source>"Use the new head" is offered once a trained head beats the engine on held-out people.</source>
      <translation>„Neuen Kopf verwenden“ wird angeboten, sobald ein trainierter Kopf die Engine bei zurückgehaltenen Personen übertrifft.</translation>
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
      <source>"Use the new head" is not offered: the new head does not beat the current judgement on any attribute for the held-out people.</source>
      <translation>„Neuen Kopf verwenden“ wird nicht angeboten: Der neue Kopf übertrifft die aktuelle Beurteilung bei den zurückgehaltenen Personen in keinem Merkmal.</translation>
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
      <source>Not enough reviewed photos of this attribute to learn</source>
      <translation>Nicht genug geprüfte Fotos dieses Merkmals zum Lernen</translation>
    </message>
    <message>
      <source>The head could not be registered: %1</source>
      <translation>Der Kopf konnte nicht registriert werden: %1</translation>
    </message>
    <message>
      <source>The new head is in use.</source>
      <translation>Der neue Kopf ist in Verwendung.</translation>
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
    <message>
      <source>Fine-tune the network</source>
      <translation>Netz feinabstimmen</translation>
    </message>
    <message>
      <source>Fine-tunes the six heads of the active model on this project's corrections and golden labels, as "headshot-qa train --from-project" does; the backbone stays as it is. About a quarter of the people are held out (the photo's folder stands for the person) and both the current and the new model are judged on them only. The new version is registered in the project and used only if you accept it, which is offered only when it judges the held-out people better.</source>
      <translation>Stimmt die sechs Köpfe des aktiven Modells auf die Korrekturen und Referenzlabels dieses Projekts fein ab, wie es „headshot-qa train --from-project“ tut; das Backbone bleibt unverändert. Etwa ein Viertel der Personen wird zurückgehalten (der Ordner des Fotos steht für die Person), und sowohl das aktuelle als auch das neue Modell werden nur an ihnen beurteilt. Die neue Version wird im Projekt registriert und nur verwendet, wenn Sie sie übernehmen; das wird nur angeboten, wenn sie die zurückgehaltenen Personen besser beurteilt.</translation>
    </message>
    <message>
      <source>This build has no network engine (it was built without LibTorch), so the network cannot be fine-tuned here.</source>
      <translation>Diese Version enthält keine Netz-Engine (sie wurde ohne LibTorch gebaut), daher kann das Netz hier nicht feinabgestimmt werden.</translation>
    </message>
    <message>
      <source>No trained weights: the engine "%1" has no model file set (Edit &gt; Preferences), so there is no network to fine-tune.</source>
      <translation>Keine trainierten Gewichte: Für die Engine „%1“ ist keine Modelldatei eingestellt (Bearbeiten &gt; Einstellungen), daher gibt es kein Netz zum Feinabstimmen.</translation>
    </message>
    <message>
      <source>No trained weights: the model file %1 does not exist, so there is no network to fine-tune.</source>
      <translation>Keine trainierten Gewichte: Die Modelldatei %1 existiert nicht, daher gibt es kein Netz zum Feinabstimmen.</translation>
    </message>
    <message>
      <source>Model: %1. Press "Fine-tune the network" to start.</source>
      <translation>Modell: %1. Zum Starten auf „Netz feinabstimmen“ drücken.</translation>
    </message>
    <message>
      <source>Current model, held-out accuracy</source>
      <translation>Aktuelles Modell, Genauigkeit (zurückgehalten)</translation>
    </message>
    <message>
      <source>Fine-tuned model, held-out accuracy</source>
      <translation>Feinabgestimmtes Modell, Genauigkeit (zurückgehalten)</translation>
    </message>
    <message>
      <source>Held-out labels</source>
      <translation>Zurückgehaltene Labels</translation>
    </message>
    <message>
      <source>&amp;Fine-tune the network</source>
      <translation>Netz &amp;feinabstimmen</translation>
    </message>
    <message>
      <source>Cancel fine-&amp;tuning</source>
      <translation>Feinabstimmung a&amp;bbrechen</translation>
    </message>
    <message>
      <source>&amp;Accept the fine-tuned model</source>
      <translation>Feinabgestimmtes Modell &amp;übernehmen</translation>
    </message>
    <message>
      <source>The fine-tuned model can be accepted once it beats the current one on held-out people.</source>
      <translation>Das feinabgestimmte Modell kann übernommen werden, sobald es das aktuelle bei zurückgehaltenen Personen übertrifft.</translation>
    </message>
    <message>
      <source>Fine-tuning…</source>
      <translation>Feinabstimmung läuft …</translation>
    </message>
    <message>
      <source>%1 (%2 of %3 steps)</source>
      <translation>%1 (%2 von %3 Schritten)</translation>
    </message>
    <message>
      <source>Cancelling the fine-tuning…</source>
      <translation>Feinabstimmung wird abgebrochen …</translation>
    </message>
    <message>
      <source>No new version was registered and the active model is unchanged.</source>
      <translation>Es wurde keine neue Version registriert, und das aktive Modell ist unverändert.</translation>
    </message>
    <message>
      <source>Fine-tuning cancelled.</source>
      <translation>Feinabstimmung abgebrochen.</translation>
    </message>
    <message>
      <source>Fine-tuning failed: %1</source>
      <translation>Feinabstimmung fehlgeschlagen: %1</translation>
    </message>
    <message>
      <source>Fine-tuned on %1 photo(s) of %2 people and checked on %3 held-out photo(s) of %4 other people: the current model judged %5 of their %6 known labels right, the fine-tuned one %7. Registered in the project as version %8.</source>
      <translation>Feinabgestimmt an %1 Foto(s) von %2 Personen und geprüft an %3 zurückgehaltenen Foto(s) von %4 anderen Personen: Das aktuelle Modell hat %5 ihrer %6 bekannten Labels richtig beurteilt, das feinabgestimmte %7. Im Projekt als Version %8 registriert.</translation>
    </message>
    <message>
      <source>The new version is not in use until you press "Accept the fine-tuned model".</source>
      <translation>Die neue Version wird erst verwendet, wenn Sie „Feinabgestimmtes Modell übernehmen“ drücken.</translation>
    </message>
    <message>
      <source>Accepting also switches the engine from "fused" to "swin": the fusion choice belongs to the current model (run "headshot-qa model fuse" on the new one to fuse again).</source>
      <translation>Das Übernehmen stellt die Engine außerdem von „fused“ auf „swin“ um: Die Fusionswahl gehört zum aktuellen Modell (führen Sie „headshot-qa model fuse“ für das neue aus, um erneut zu fusionieren).</translation>
    </message>
    <message>
      <source>Not offered: no held-out photo has a known label, so the new version cannot be compared with the current model, which stays in use.</source>
      <translation>Nicht angeboten: Kein zurückgehaltenes Foto hat ein bekanntes Label, daher kann die neue Version nicht mit dem aktuellen Modell verglichen werden, das weiter verwendet wird.</translation>
    </message>
    <message>
      <source>Not offered: the fine-tuned model does not beat the current one on the held-out people (%1 against %2 right), so the current model stays in use. The new version stays registered in the project for reference.</source>
      <translation>Nicht angeboten: Das feinabgestimmte Modell übertrifft das aktuelle bei den zurückgehaltenen Personen nicht (%1 gegenüber %2 richtig), daher wird das aktuelle Modell weiter verwendet. Die neue Version bleibt zum Vergleich im Projekt registriert.</translation>
    </message>
    <message>
      <source>The fine-tuned model cannot be read: %1</source>
      <translation>Das feinabgestimmte Modell kann nicht gelesen werden: %1</translation>
    </message>
    <message>
      <source>The fine-tuned model could not be registered in the project: %1</source>
      <translation>Das feinabgestimmte Modell konnte nicht im Projekt registriert werden: %1</translation>
    </message>
    <message>
      <source>The file of the fine-tuned model is missing: %1</source>
      <translation>Die Datei des feinabgestimmten Modells fehlt: %1</translation>
    </message>
    <message>
      <source>The fine-tuned model (version %1) is the active model now, with the engine "swin".</source>
      <translation>Das feinabgestimmte Modell (Version %1) ist jetzt das aktive Modell, mit der Engine „swin“.</translation>
    </message>
    <message>
      <source>The fine-tuned model (version %1) is the active model now.</source>
      <translation>Das feinabgestimmte Modell (Version %1) ist jetzt das aktive Modell.</translation>
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
      <source>The last project, %1, is no longer there. Open another with File &gt; Open project or File &gt; Recent projects.</source>
      <translation>Das letzte Projekt, %1, ist nicht mehr vorhanden. Öffnen Sie ein anderes über Datei &gt; Projekt öffnen oder Datei &gt; Zuletzt geöffnete Projekte.</translation>
    </message>
    <message numerus="yes">
      <source>Reopened the last project, %1, with %n photo(s).</source>
      <translation>
        <numerusform>Das letzte Projekt, %1, wurde mit %n Foto erneut geöffnet.</numerusform>
        <numerusform>Das letzte Projekt, %1, wurde mit %n Fotos erneut geöffnet.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;%1 %2  (%3)</source>
      <translation>&amp;%1 %2  (%3)</translation>
    </message>
    <message>
      <source>– missing</source>
      <translation>– fehlt</translation>
    </message>
    <message>
      <source>%1 is no longer there (moved or deleted).</source>
      <translation>%1 ist nicht mehr vorhanden (verschoben oder gelöscht).</translation>
    </message>
    <message>
      <source>%1 is no longer there; it was removed from the recent projects.</source>
      <translation>%1 ist nicht mehr vorhanden; es wurde aus den zuletzt geöffneten Projekten entfernt.</translation>
    </message>
    <message>
      <source>No recent projects</source>
      <translation>Keine zuletzt geöffneten Projekte</translation>
    </message>
    <message>
      <source>&amp;Clear list</source>
      <translation>Liste &amp;leeren</translation>
    </message>
    <message>
      <source>The list of recent projects was cleared (the projects themselves were not touched).</source>
      <translation>Die Liste der zuletzt geöffneten Projekte wurde geleert (die Projekte selbst bleiben unverändert).</translation>
    </message>
    <message>
      <source>Select a photo first: Reveal in folder opens the folder that holds it.</source>
      <translation>Wählen Sie zuerst ein Foto aus: „Im Ordner anzeigen“ öffnet den Ordner, der es enthält.</translation>
    </message>
    <message>
      <source>The folder of %1 no longer exists: %2</source>
      <translation>Der Ordner von %1 existiert nicht mehr: %2</translation>
    </message>
    <message>
      <source>Opened the folder %1, which holds %2.</source>
      <translation>Der Ordner %1, der %2 enthält, wurde geöffnet.</translation>
    </message>
    <message>
      <source>Could not open the folder %1: no file manager answered.</source>
      <translation>Der Ordner %1 konnte nicht geöffnet werden: Kein Dateimanager hat geantwortet.</translation>
    </message>
    <message>
      <source>No project is open: there is nothing to copy.</source>
      <translation>Es ist kein Projekt geöffnet: Es gibt nichts zu kopieren.</translation>
    </message>
    <message>
      <source>The project was not copied to %1: %2</source>
      <translation>Das Projekt wurde nicht nach %1 kopiert: %2</translation>
    </message>
    <message>
      <source>Copied the project to %1; you are still working in %2.</source>
      <translation>Das Projekt wurde nach %1 kopiert; Sie arbeiten weiterhin in %2.</translation>
    </message>
    <message>
      <source>No project is open: there is nothing to save.</source>
      <translation>Es ist kein Projekt geöffnet: Es gibt nichts zu speichern.</translation>
    </message>
    <message>
      <source>The project was not saved as %1: %2</source>
      <translation>Das Projekt wurde nicht als %1 gespeichert: %2</translation>
    </message>
    <message>
      <source>Saved the project as %1; you are now working in it (%2 is unchanged).</source>
      <translation>Das Projekt wurde als %1 gespeichert; Sie arbeiten jetzt darin (%2 ist unverändert).</translation>
    </message>
    <message>
      <source>%1 of %2 shown</source>
      <translation>%1 von %2 angezeigt</translation>
    </message>
    <message>
      <source>No photo matches this filter.</source>
      <translation>Kein Foto entspricht diesem Filter.</translation>
    </message>
    <message numerus="yes">
      <source>Choose "%1" to see all %n photo(s).</source>
      <translation>
        <numerusform>Wählen Sie „%1“, um %n Foto anzuzeigen.</numerusform>
        <numerusform>Wählen Sie „%1“, um alle %n Fotos anzuzeigen.</numerusform>
      </translation>
    </message>
    <message>
      <source>No photos yet: drop photos or folders here, or use File &gt; Open files.</source>
      <translation>Noch keine Fotos: Ziehen Sie Fotos oder Ordner hierher oder verwenden Sie Datei &gt; Dateien öffnen.</translation>
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
      <source>Not yet reviewed</source>
      <translation>Noch nicht geprüft</translation>
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
      <source>&amp;Recent projects</source>
      <translation>&amp;Zuletzt geöffnete Projekte</translation>
    </message>
    <message>
      <source>&amp;Save project as…</source>
      <translation>Projekt &amp;speichern unter …</translation>
    </message>
    <message>
      <source>Ctrl+Shift+S</source>
      <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
      <source>&amp;Copy project to…</source>
      <translation>Projekt &amp;kopieren nach …</translation>
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
      <source>Re&amp;veal in folder</source>
      <translation>Im Ordner &amp;anzeigen</translation>
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
      <source>100% or &amp;fit (about the pointer)</source>
      <translation>100 % oder &amp;einpassen (um den Mauszeiger)</translation>
    </message>
    <message>
      <source>&amp;Thumbnail size</source>
      <translation>&amp;Miniaturgröße</translation>
    </message>
    <message>
      <source>&amp;Small</source>
      <translation>&amp;Klein</translation>
    </message>
    <message>
      <source>&amp;Medium</source>
      <translation>&amp;Mittel</translation>
    </message>
    <message>
      <source>&amp;Large</source>
      <translation>&amp;Groß</translation>
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
      <source>-copy</source>
      <translation>-Kopie</translation>
    </message>
    <message>
      <source>Save project as</source>
      <translation>Projekt speichern unter</translation>
    </message>
    <message>
      <source>Copy project to</source>
      <translation>Projekt kopieren nach</translation>
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
      <source>Undid the flag, rating or colour label change of %1.</source>
      <translation>Änderung von Markierung, Bewertung oder Farbmarkierung an %1 rückgängig gemacht.</translation>
    </message>
    <message>
      <source>Redid the flag, rating or colour label change of %1.</source>
      <translation>Änderung von Markierung, Bewertung oder Farbmarkierung an %1 wiederhergestellt.</translation>
    </message>
    <message numerus="yes">
      <source>Undid the flag, rating or colour label change of %n photo(s).</source>
      <translation>
        <numerusform>Änderung von Markierung, Bewertung oder Farbmarkierung an %n Foto rückgängig gemacht.</numerusform>
        <numerusform>Änderung von Markierung, Bewertung oder Farbmarkierung an %n Fotos rückgängig gemacht.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Redid the flag, rating or colour label change of %n photo(s).</source>
      <translation>
        <numerusform>Änderung von Markierung, Bewertung oder Farbmarkierung an %n Foto wiederhergestellt.</numerusform>
        <numerusform>Änderung von Markierung, Bewertung oder Farbmarkierung an %n Fotos wiederhergestellt.</numerusform>
      </translation>
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
      <source>E&amp;xport picks…</source>
      <translation>Auswahl e&amp;xportieren …</translation>
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
    <message>
      <source>%1: %2 (%3 pass, %4 fail)</source>
      <translation>%1: %2 (%3 bestanden, %4 nicht bestanden)</translation>
    </message>
    <message>
      <source>Too few golden photos to trust these figures for: %1. Aim for at least %2 golden photos with a judged value per attribute, at least %3 of them with each verdict: below that one photo moves a figure by several points.</source>
      <translation>Zu wenige Referenzfotos, um diesen Kennzahlen zu trauen, für: %1. Streben Sie mindestens %2 Referenzfotos mit beurteiltem Wert pro Merkmal an, davon mindestens %3 mit jedem Urteil: Darunter verschiebt ein einzelnes Foto eine Kennzahl um mehrere Punkte.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PhotoDelegate</name>
    <message>
      <source>Verified</source>
      <translation>Bestätigt</translation>
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
      <source>Picked</source>
      <translation>Ausgewählt</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Abgelehnt</translation>
    </message>
    <message numerus="yes">
      <source>%n star(s)</source>
      <translation>
        <numerusform>%n Stern</numerusform>
        <numerusform>%n Sterne</numerusform>
      </translation>
    </message>
    <message>
      <source>red label</source>
      <translation>rote Farbmarkierung</translation>
    </message>
    <message>
      <source>yellow label</source>
      <translation>gelbe Farbmarkierung</translation>
    </message>
    <message>
      <source>green label</source>
      <translation>grüne Farbmarkierung</translation>
    </message>
    <message>
      <source>blue label</source>
      <translation>blaue Farbmarkierung</translation>
    </message>
    <message>
      <source>purple label</source>
      <translation>violette Farbmarkierung</translation>
    </message>
    <message>
      <source>Verified (golden label)</source>
      <translation>Bestätigt (Referenzlabel)</translation>
    </message>
    <message>
      <source>Verified (golden label) by %1</source>
      <translation>Bestätigt (Referenzlabel) von %1</translation>
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
      <source>Zoom</source>
      <translation>Zoom</translation>
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
      <source>Fit</source>
      <translation>Eingepasst</translation>
    </message>
    <message>
      <source>%1%</source>
      <translation>%1 %</translation>
    </message>
    <message>
      <source>Zoom: %1% (Z: 100% or fit, 0: fit, +/-: zoom)</source>
      <translation>Zoom: %1 % (Z: 100 % oder einpassen, 0: einpassen, +/-: zoomen)</translation>
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
    <message>
      <source>No training run yet: the loss and validation curves appear here while a model trains (Tools &gt; Learn from corrections).</source>
      <translation>Noch kein Trainingslauf: Die Verlust- und Validierungskurven erscheinen hier, während ein Modell trainiert (Werkzeuge &gt; Aus Korrekturen lernen).</translation>
    </message>
    <message numerus="yes">
      <source>No loss figures from this training run (%n step(s) done): the corrections head trains one attribute after another and reports no loss, so there is no curve to draw.</source>
      <translation>
        <numerusform>Keine Verlustwerte aus diesem Trainingslauf (%n Schritt ausgeführt): Der Korrekturkopf trainiert ein Merkmal nach dem anderen und meldet keinen Verlust, daher gibt es keine Kurve zu zeichnen.</numerusform>
        <numerusform>Keine Verlustwerte aus diesem Trainingslauf (%n Schritte ausgeführt): Der Korrekturkopf trainiert ein Merkmal nach dem anderen und meldet keinen Verlust, daher gibt es keine Kurve zu zeichnen.</numerusform>
      </translation>
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
    <name>hqa::ui::NetworkFineTune</name>
    <message>
      <source>All corrected and verified photos are in one folder, which stands for one person: the new model could not be checked on people it did not learn from. Keep each person's photos in a folder of their own.</source>
      <translation>Alle korrigierten und bestätigten Fotos liegen in einem Ordner, der für eine Person steht: Das neue Modell konnte nicht an Personen geprüft werden, von denen es nicht gelernt hat. Legen Sie die Fotos jeder Person in einen eigenen Ordner.</translation>
    </message>
    <message>
      <source>There are no corrected or verified photos to learn from.</source>
      <translation>Es gibt keine korrigierten oder bestätigten Fotos zum Lernen.</translation>
    </message>
    <message>
      <source>Cannot create a temporary folder for the fine-tuning.</source>
      <translation>Für die Feinabstimmung kann kein temporärer Ordner angelegt werden.</translation>
    </message>
    <message>
      <source>Computing the photos' features</source>
      <translation>Merkmalsvektoren der Fotos werden berechnet</translation>
    </message>
    <message>
      <source>Computing the features of the training people</source>
      <translation>Merkmalsvektoren der Trainingspersonen werden berechnet</translation>
    </message>
    <message>
      <source>Judging the held-out people with the current model</source>
      <translation>Zurückgehaltene Personen werden mit dem aktuellen Modell beurteilt</translation>
    </message>
    <message>
      <source>Training the six heads</source>
      <translation>Die sechs Köpfe werden trainiert</translation>
    </message>
    <message>
      <source>Judging the held-out people with the fine-tuned model</source>
      <translation>Zurückgehaltene Personen werden mit dem feinabgestimmten Modell beurteilt</translation>
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