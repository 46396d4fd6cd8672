<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>hqa::ui::AssessmentWorker</name>
    <message>
      <source>No project is open.</source>
      <translation>No project is open.</translation>
    </message>
    <message>
      <source>Nothing was assessed, the verdicts are kept: %1 Check Edit &gt; Preferences.</source>
      <translation>Nothing was assessed, the verdicts are kept: %1 Check Edit &gt; Preferences.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::AttributePanel</name>
    <message>
      <source>Flip this verdict (key %1)</source>
      <translation>Flip this verdict (key %1)</translation>
    </message>
    <message>
      <source>score %p%</source>
      <translation>score %p%</translation>
    </message>
    <message>
      <source>No photo selected</source>
      <translation>No photo selected</translation>
    </message>
    <message>
      <source>Not judged</source>
      <translation>Not judged</translation>
    </message>
    <message>
      <source>Pass</source>
      <translation>Pass</translation>
    </message>
    <message>
      <source>Fail</source>
      <translation>Fail</translation>
    </message>
    <message>
      <source>Corrected by a reviewer (the engine said %1).</source>
      <translation>Corrected by a reviewer (the engine said %1).</translation>
    </message>
    <message>
      <source>pass</source>
      <translation>pass</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>fail</translation>
    </message>
    <message>
      <source>engine score %p%, overruled</source>
      <translation>No project is open.&lt;/source&gt;
      &lt;translation&gt;No project is open.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Nothing was assessed, the verdicts are kept: %1 Check Edit &gt; Preferences.&lt;/source&gt;
      &lt;translation&gt;Nothing was assessed, the verdicts are kept: %1 Check Edit &gt; Preferences.&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::ui::AttributePanel&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;Flip this verdict (key %1)&lt;/source&gt;
      &lt;translation&gt;Flip this verdict (key %1)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;score %p%&lt;/source&gt;
      &lt;translation&gt;score %p%&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;No photo selected&lt;/source&gt;
      &lt;translation&gt;No photo selected&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Not judged&lt;/source&gt;
      &lt;translation&gt;Not judged&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Pass&lt;/source&gt;
      &lt;translation&gt;Pass&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Fail&lt;/source&gt;
      &lt;translation&gt;Fail&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Corrected by a reviewer (the engine said %1).&lt;/source&gt;
      &lt;translation&gt;Corrected by a reviewer (the engine said %1).&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;pass&lt;/source&gt;
      &lt;translation&gt;pass&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;fail&lt;/source&gt;
      &lt;translation&gt;fail&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;engine score %p%, overruled</translation>
    </message>
    <message>
      <source>How to fix: %1</source>
      <translation>How to fix: %1</translation>
    </message>
    <message>
      <source>Verified (golden label)</source>
      <translation>Verified (golden label)</translation>
    </message>
    <message>
      <source>Verified by %1 (golden label)</source>
      <translation>Verified by %1 (golden label)</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::ComparePane</name>
    <message>
      <source>Compared photo %1</source>
      <translation>Compared photo %1</translation>
    </message>
    <message>
      <source>Pin</source>
      <translation>Pin</translation>
    </message>
    <message>
      <source>Pin this photo as the reference: J and K then change the other photos only (R)</source>
      <translation>Pin this photo as the reference: J and K then change the other photos only (R)</translation>
    </message>
    <message>
      <source>Pin as the reference</source>
      <translation>Pin as the reference</translation>
    </message>
    <message>
      <source>Reference</source>
      <translation>Reference</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <source>No photo</source>
      <translation>No photo</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::CompareView</name>
    <message>
      <source>Compare photos</source>
      <translation>Compare photos</translation>
    </message>
    <message>
      <source>Two side by side</source>
      <translation>Two side by side</translation>
    </message>
    <message>
      <source>Three side by side</source>
      <translation>Three side by side</translation>
    </message>
    <message>
      <source>Four (2 × 2)</source>
      <translation>Four (2 × 2)</translation>
    </message>
    <message>
      <source>Number of photos side by side</source>
      <translation>Number of photos side by side</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Fit</translation>
    </message>
    <message>
      <source>Show each photo whole (0)</source>
      <translation>Show each photo whole (0)</translation>
    </message>
    <message>
      <source>Eyes</source>
      <translation>Eyes</translation>
    </message>
    <message>
      <source>Zoom every photo to its eyes (E)</source>
      <translation>Zoom every photo to its eyes (E)</translation>
    </message>
    <message>
      <source>100%</source>
      <translation>100%</translation>
    </message>
    <message>
      <source>Every photo at 100% on its eyes, and back (Z)</source>
      <translation>Every photo at 100% on its eyes, and back (Z)</translation>
    </message>
    <message>
      <source>Grid</source>
      <translation>Grid</translation>
    </message>
    <message>
      <source>Back to the photo grid (G)</source>
      <translation>Back to the photo grid (G)</translation>
    </message>
    <message>
      <source>J/K: next/previous photo · wheel or +/-: zoom all · drag: pan all · E: eyes · Z: 100% · 0: fit · R: pin the reference · G: back to the grid</source>
      <translation>J/K: next/previous photo · wheel or +/-: zoom all · drag: pan all · E: eyes · Z: 100% · 0: fit · R: pin the reference · G: back to the grid</translation>
    </message>
    <message numerus="yes">
      <source>%n photo(s) to compare</source>
      <translation>
        <numerusform>%n photo to compare</numerusform>
        <numerusform>%n photos to compare</numerusform>
      </translation>
    </message>
    <message>
      <source>the reference is pinned in pane %1</source>
      <translation>the reference is pinned in pane %1</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::CompareWiring</name>
    <message>
      <source>Compare</source>
      <translation>Compare</translation>
    </message>
    <message>
      <source>&amp;Compare selected photos</source>
      <translation>&amp;Compare selected photos</translation>
    </message>
    <message>
      <source>&amp;Group by sitting</source>
      <translation>&amp;Group by sitting</translation>
    </message>
    <message>
      <source>Show the photos of one sitting (the same person, taken close in time or nearly identical) together, the best first</source>
      <translation>Show the photos of one sitting (the same person, taken close in time or nearly identical) together, the best first</translation>
    </message>
    <message>
      <source>Keep the &amp;best of the sitting, reject the rest</source>
      <translation>Keep the &amp;best of the sitting, reject the rest</translation>
    </message>
    <message>
      <source>Select two to four photos to compare (Ctrl+click in the grid), then press C.</source>
      <translation>Select two to four photos to compare (Ctrl+click in the grid), then press C.</translation>
    </message>
    <message numerus="yes">
      <source>Grouping %n photo(s) by sitting…</source>
      <translation>
        <numerusform>Grouping %n photo by sitting…</numerusform>
        <numerusform>Grouping %n photos by sitting…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n sitting(s) found; </source>
      <translation>
        <numerusform>%n sitting found; </numerusform>
        <numerusform>%n sittings found; </numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n with more than one photo.</source>
      <translation>
        <numerusform>%n with more than one photo.</numerusform>
        <numerusform>%n with more than one photo.</numerusform>
      </translation>
    </message>
    <message>
      <source>Select a photo of the sitting first.</source>
      <translation>Select a photo of the sitting first.</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Open a project first.</translation>
    </message>
    <message>
      <source>This sitting has one photo only: nothing to reject.</source>
      <translation>This sitting has one photo only: nothing to reject.</translation>
    </message>
    <message>
      <source>The project is open read-only: %1</source>
      <translation>The project is open read-only: %1</translation>
    </message>
    <message>
      <source>Could not read the flags: %1</source>
      <translation>Could not read the flags: %1</translation>
    </message>
    <message>
      <source>Could not save the flags: %1</source>
      <translation>Could not save the flags: %1</translation>
    </message>
    <message numerus="yes">
      <source>Kept %1 (the best of its sitting) and rejected %n other photo(s).</source>
      <translation>
        <numerusform>Kept %1 (the best of its sitting) and rejected %n other photo.</numerusform>
        <numerusform>Kept %1 (the best of its sitting) and rejected %n other photos.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::CullActions</name>
    <message>
      <source>Flag as pick</source>
      <translation>Flag as pick</translation>
    </message>
    <message>
      <source>Flag as reject</source>
      <translation>Flag as reject</translation>
    </message>
    <message>
      <source>Unflag</source>
      <translation>Unflag</translation>
    </message>
    <message>
      <source>Rating: no stars</source>
      <translation>Rating: no stars</translation>
    </message>
    <message numerus="yes">
      <source>Rating: %n star(s)</source>
      <translation>
        <numerusform>Rating: %n star</numerusform>
        <numerusform>Rating: %n stars</numerusform>
      </translation>
    </message>
    <message>
      <source>Colour label: red</source>
      <translation>Colour label: red</translation>
    </message>
    <message>
      <source>Colour label: yellow</source>
      <translation>Colour label: yellow</translation>
    </message>
    <message>
      <source>Colour label: green</source>
      <translation>Colour label: green</translation>
    </message>
    <message>
      <source>Colour label: blue</source>
      <translation>Colour label: blue</translation>
    </message>
    <message>
      <source>Colour label: purple</source>
      <translation>Colour label: purple</translation>
    </message>
    <message>
      <source>Picked</source>
      <translation>Picked</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Rejected</translation>
    </message>
    <message>
      <source>Unflagged</source>
      <translation>Unflagged</translation>
    </message>
    <message>
      <source>3 stars or more</source>
      <translation>3 stars or more</translation>
    </message>
    <message>
      <source>Sort by rating (most stars first)</source>
      <translation>Sort by rating (most stars first)</translation>
    </message>
    <message numerus="yes">
      <source>Flagged %n photo(s) as picks.</source>
      <translation>
        <numerusform>Flagged %n photo as picks.</numerusform>
        <numerusform>Flagged %n photos as picks.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Flagged %n photo(s) as rejects.</source>
      <translation>
        <numerusform>Flagged %n photo as rejects.</numerusform>
        <numerusform>Flagged %n photos as rejects.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the flag of %n photo(s).</source>
      <translation>
        <numerusform>Removed the flag of %n photo.</numerusform>
        <numerusform>Removed the flag of %n photos.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the stars of %n photo(s).</source>
      <translation>
        <numerusform>Removed the stars of %n photo.</numerusform>
        <numerusform>Removed the stars of %n photos.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Rated %n photo(s) with %1.</source>
      <translation>
        <numerusform>Rated %n photo with %1.</numerusform>
        <numerusform>Rated %n photos with %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n star(s)</source>
      <translation>
        <numerusform>%n star</numerusform>
        <numerusform>%n stars</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Removed the colour label of %n photo(s).</source>
      <translation>
        <numerusform>Removed the colour label of %n photo.</numerusform>
        <numerusform>Removed the colour label of %n photos.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Set the colour label of %n photo(s).</source>
      <translation>
        <numerusform>Set the colour label of %n photo.</numerusform>
        <numerusform>Set the colour label of %n photos.</numerusform>
      </translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Open a project first.</translation>
    </message>
    <message>
      <source>The project is open read-only: %1</source>
      <translation>The project is open read-only: %1</translation>
    </message>
    <message>
      <source>Select the photos to flag, rate or label first.</source>
      <translation>Select the photos to flag, rate or label first.</translation>
    </message>
    <message>
      <source>Could not read the flags and ratings: %1</source>
      <translation>Could not read the flags and ratings: %1</translation>
    </message>
    <message>
      <source>Could not save the flags and ratings: %1</source>
      <translation>Could not save the flags and ratings: %1</translation>
    </message>
    <message>
      <source>Nothing to change: the selected photos are marked so already.</source>
      <translation>Nothing to change: the selected photos are marked so already.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::ExportPicksDialog</name>
    <message>
      <source>Export picks</source>
      <translation>Export picks</translation>
    </message>
    <message>
      <source>Folder to export into</source>
      <translation>Folder to export into</translation>
    </message>
    <message>
      <source>Browse…</source>
      <translation>Browse…</translation>
    </message>
    <message>
      <source>Export into</source>
      <translation>Export into</translation>
    </message>
    <message>
      <source>Folder:</source>
      <translation>Folder:</translation>
    </message>
    <message numerus="yes">
      <source>Picked photos (%n)</source>
      <translation>
        <numerusform>Picked photos (%n)</numerusform>
        <numerusform>Picked photos (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Selected photos (%n)</source>
      <translation>
        <numerusform>Selected photos (%n)</numerusform>
        <numerusform>Selected photos (%n)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Photos whose six verdicts pass (%n)</source>
      <translation>
        <numerusform>Photos whose six verdicts pass (%n)</numerusform>
        <numerusform>Photos whose six verdicts pass (%n)</numerusform>
      </translation>
    </message>
    <message>
      <source>Photos:</source>
      <translation>Photos:</translation>
    </message>
    <message>
      <source>Copy</source>
      <translation>Copy</translation>
    </message>
    <message>
      <source>Move</source>
      <translation>Move</translation>
    </message>
    <message>
      <source>Each source is deleted only after its copy was written and verified.</source>
      <translation>Each source is deleted only after its copy was written and verified.</translation>
    </message>
    <message>
      <source>Files:</source>
      <translation>Files:</translation>
    </message>
    <message>
      <source>Originals</source>
      <translation>Originals</translation>
    </message>
    <message>
      <source>XMP sidecars with the originals</source>
      <translation>XMP sidecars with the originals</translation>
    </message>
    <message>
      <source>Standard crop 4:5 (EXIF and colour profile kept)</source>
      <translation>Standard crop 4:5 (EXIF and colour profile kept)</translation>
    </message>
    <message>
      <source>Square crop 1:1 for profile sites</source>
      <translation>Square crop 1:1 for profile sites</translation>
    </message>
    <message>
      <source>Export:</source>
      <translation>Export:</translation>
    </message>
    <message>
      <source>Export</source>
      <translation>Export</translation>
    </message>
    <message>
      <source>Nothing exported: %1</source>
      <translation>Nothing exported: %1</translation>
    </message>
    <message>
      <source>Exporting…</source>
      <translation>Exporting…</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>Stop</translation>
    </message>
    <message numerus="yes">
      <source>%1 of %n photo(s) moved to %2.</source>
      <translation>
        <numerusform>%1 of %n photo moved to %2.</numerusform>
        <numerusform>%1 of %n photos moved to %2.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1 of %n photo(s) exported to %2.</source>
      <translation>
        <numerusform>%1 of %n photo exported to %2.</numerusform>
        <numerusform>%1 of %n photos exported to %2.</numerusform>
      </translation>
    </message>
    <message>
      <source>The project still lists the moved photos at their old place: %1</source>
      <translation>The project still lists the moved photos at their old place: %1</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::GoldenSetView</name>
    <message>
      <source>pass</source>
      <translation>pass</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>fail</translation>
    </message>
    <message>
      <source>Show:</source>
      <translation>Show:</translation>
    </message>
    <message>
      <source>All photos</source>
      <translation>All photos</translation>
    </message>
    <message>
      <source>Not yet verified</source>
      <translation>Not yet verified</translation>
    </message>
    <message>
      <source>Golden label differs from prediction</source>
      <translation>Golden label differs from prediction</translation>
    </message>
    <message>
      <source>&amp;Import labels.csv...</source>
      <translation>&amp;Import labels.csv...</translation>
    </message>
    <message>
      <source>&amp;Export labels.csv...</source>
      <translation>&amp;Export labels.csv...</translation>
    </message>
    <message>
      <source>Photo</source>
      <translation>Photo</translation>
    </message>
    <message>
      <source>Verified</source>
      <translation>Verified</translation>
    </message>
    <message>
      <source>Prediction</source>
      <translation>Prediction</translation>
    </message>
    <message>
      <source>Agreement</source>
      <translation>Agreement</translation>
    </message>
    <message>
      <source>Keys 1-6 toggle the current photo's attributes, Space marks it verified.</source>
      <translation>Keys 1-6 toggle the current photo's attributes, Space marks it verified.</translation>
    </message>
    <message>
      <source>Cannot read the project: %1</source>
      <translation>Cannot read the project: %1</translation>
    </message>
    <message>
      <source>%1 of the %2 most similar verified photos say %3</source>
      <translation>%1 of the %2 most similar verified photos say %3</translation>
    </message>
    <message>
      <source>verified</source>
      <translation>verified</translation>
    </message>
    <message>
      <source>not verified</source>
      <translation>not verified</translation>
    </message>
    <message>
      <source>Click or press Space to store this label as verified</source>
      <translation>Click or press Space to store this label as verified</translation>
    </message>
    <message>
      <source>Click or press %1 to toggle</source>
      <translation>Click or press %1 to toggle</translation>
    </message>
    <message>
      <source>The engine's verdict, before any correction</source>
      <translation>The engine's verdict, before any correction</translation>
    </message>
    <message>
      <source>no verdict</source>
      <translation>no verdict</translation>
    </message>
    <message>
      <source>not assessed</source>
      <translation>not assessed</translation>
    </message>
    <message>
      <source>differs: %1</source>
      <translation>differs: %1</translation>
    </message>
    <message>
      <source>The most similar verified photos are those the engine measured most alike on that attribute. A label they contradict is worth re-checking; one they share points to a mistake of the engine.</source>
      <translation>The most similar verified photos are those the engine measured most alike on that attribute. A label they contradict is worth re-checking; one they share points to a mistake of the engine.</translation>
    </message>
    <message>
      <source>no engine verdict to compare: %1</source>
      <translation>no engine verdict to compare: %1</translation>
    </message>
    <message>
      <source>not assessed yet, nothing to compare</source>
      <translation>not assessed yet, nothing to compare</translation>
    </message>
    <message>
      <source>nothing to compare: no attribute is known in both</source>
      <translation>nothing to compare: no attribute is known in both</translation>
    </message>
    <message>
      <source>agrees</source>
      <translation>agrees</translation>
    </message>
    <message>
      <source>Cannot store the golden label: %1</source>
      <translation>Cannot store the golden label: %1</translation>
    </message>
    <message>
      <source>No project is open.</source>
      <translation>No project is open.</translation>
    </message>
    <message numerus="yes">
      <source>Exported %n golden label(s) to %1.</source>
      <translation>
        <numerusform>Exported %n golden label to %1.</numerusform>
        <numerusform>Exported %n golden labels to %1.</numerusform>
      </translation>
    </message>
    <message>
      <source>Cannot import %1: %2</source>
      <translation>Cannot import %1: %2</translation>
    </message>
    <message>
      <source>line %1: %2</source>
      <translation>line %1: %2</translation>
    </message>
    <message>
      <source>line %1: %2 (%3)</source>
      <translation>line %1: %2 (%3)</translation>
    </message>
    <message>
      <source>Imported %1 golden label(s) (%2 by path, %3 by content).</source>
      <translation>Imported %1 golden label(s) (%2 by path, %3 by content).</translation>
    </message>
    <message>
      <source>%1 row(s) match no photo of the project: %2</source>
      <translation>%1 row(s) match no photo of the project: %2</translation>
    </message>
    <message>
      <source>Export golden labels</source>
      <translation>Export golden labels</translation>
    </message>
    <message>
      <source>Label files (*.csv)</source>
      <translation>Label files (*.csv)</translation>
    </message>
    <message>
      <source>Cannot export: %1</source>
      <translation>Cannot export: %1</translation>
    </message>
    <message>
      <source>Import golden labels</source>
      <translation>Import golden labels</translation>
    </message>
    <message>
      <source>Label files (*.csv);;All files (*)</source>
      <translation>Label files (*.csv);;All files (*)</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::LearnDialog</name>
    <message>
      <source>Learn from corrections</source>
      <translation>Learn from corrections</translation>
    </message>
    <message>
      <source>Corrections head</source>
      <translation>Corrections head</translation>
    </message>
    <message>
      <source>Trains a small head per attribute on the engine's evidence, from this project's corrections and golden labels. Every person's photos are held out once and judged by a head that learned from the other people only (the photo's folder stands for the person). A head replaces the engine on an attribute only when at least 5 different people were held out and its gain on them is larger than the noise: the 95% interval of the gain lies above zero.</source>
      <translation>Trains a small head per attribute on the engine's evidence, from this project's corrections and golden labels. Every person's photos are held out once and judged by a head that learned from the other people only (the photo's folder stands for the person). A head replaces the engine on an attribute only when at least 5 different people were held out and its gain on them is larger than the noise: the 95% interval of the gain lies above zero.</translation>
    </message>
    <message>
      <source>Accuracy before</source>
      <translation>Accuracy before</translation>
    </message>
    <message>
      <source>Accuracy after</source>
      <translation>Accuracy after</translation>
    </message>
    <message>
      <source>Held-out photos</source>
      <translation>Held-out photos</translation>
    </message>
    <message>
      <source>Held-out people</source>
      <translation>Held-out people</translation>
    </message>
    <message>
      <source>Gain in points (95% interval)</source>
      <translation>Gain in points (95% interval)</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>Result</translation>
    </message>
    <message>
      <source>- : not enough reviewed photos of this attribute to learn</source>
      <translation>- : not enough reviewed photos of this attribute to learn</translation>
    </message>
    <message>
      <source>Versions of the head in this project (the active one is marked):</source>
      <translation>Versions of the head in this project (the active one is marked):</translation>
    </message>
    <message>
      <source>&amp;Train</source>
      <translation>&amp;Train</translation>
    </message>
    <message>
      <source>&amp;Cancel training</source>
      <translation>&amp;Cancel training</translation>
    </message>
    <message>
      <source>&amp;Use the new head</source>
      <translation>&amp;Use the new head</translation>
    </message>
    <message>
      <source>&amp;Restore selected version</source>
      <translation>&amp;Restore selected version</translation>
    </message>
    <message>
      <source>"Use the new head" is offered once a trained head beats the engine on held-out people.</source>
      <translation>"Use the new head" is offered once a trained head beats the engine on held-out people.</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>Close</translation>
    </message>
    <message>
      <source>Open a project first.</source>
      <translation>Open a project first.</translation>
    </message>
    <message>
      <source>This build has no corrections-head trainer (core/train/CorrectionsHead.h), so training is not available. Earlier versions can still be restored.</source>
      <translation>This build has no corrections-head trainer (core/train/CorrectionsHead.h), so training is not available. Earlier versions can still be restored.</translation>
    </message>
    <message>
      <source>Press Train to start.</source>
      <translation>Press Train to start.</translation>
    </message>
    <message>
      <source>Training…</source>
      <translation>Training…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>Training cancelled; the active head is unchanged.</source>
      <translation>Training cancelled; the active head is unchanged.</translation>
    </message>
    <message>
      <source>Training failed: %1</source>
      <translation>Training failed: %1</translation>
    </message>
    <message numerus="yes">
      <source>Checked on %n held-out photo(s)</source>
      <translation>
        <numerusform>Checked on %n held-out photo</numerusform>
        <numerusform>Checked on %n held-out photos</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>of %n different people, each judged by a head that learned from the other people only.</source>
      <translation>
        <numerusform>of %n person, judged by a head that learned from the other people only.</numerusform>
        <numerusform>of %n different people, each judged by a head that learned from the other people only.</numerusform>
      </translation>
    </message>
    <message>
      <source>Trained on %1 sample(s), compared on %2 held-out sample(s).</source>
      <translation>Trained on %1 sample(s), compared on %2 held-out sample(s).</translation>
    </message>
    <message>
      <source>No attribute beat the engine on held-out people by more than the noise, so the engine keeps judging every attribute; the table says why for each.</source>
      <translation>No attribute beat the engine on held-out people by more than the noise, so the engine keeps judging every attribute; the table says why for each.</translation>
    </message>
    <message>
      <source>"Use the new head" is not offered: the new head does not beat the current judgement on any attribute for the held-out people.</source>
      <translation>"Use the new head" is not offered: the new head does not beat the current judgement on any attribute for the held-out people.</translation>
    </message>
    <message>
      <source>The new head is not active until you press "Use the new head".</source>
      <translation>The new head is not active until you press "Use the new head".</translation>
    </message>
    <message>
      <source>%1 (%2 to %3)</source>
      <translation>%1 (%2 to %3)</translation>
    </message>
    <message>
      <source>Learned</source>
      <translation>Learned</translation>
    </message>
    <message>
      <source>Engine kept</source>
      <translation>Engine kept</translation>
    </message>
    <message>
      <source>Not enough reviewed photos of this attribute to learn</source>
      <translation>Not enough reviewed photos of this attribute to learn</translation>
    </message>
    <message>
      <source>The head could not be registered: %1</source>
      <translation>The head could not be registered: %1</translation>
    </message>
    <message>
      <source>The new head is in use.</source>
      <translation>The new head is in use.</translation>
    </message>
    <message>
      <source>The new head (version %1) is active.</source>
      <translation>The new head (version %1) is active.</translation>
    </message>
    <message>
      <source>The file of this version is missing: %1</source>
      <translation>The file of this version is missing: %1</translation>
    </message>
    <message>
      <source>Version %1 is active again.</source>
      <translation>Version %1 is active again.</translation>
    </message>
    <message>
      <source>%1 (registered %2)%3</source>
      <translation>%1 (registered %2)%3</translation>
    </message>
    <message>
      <source> - active</source>
      <translation> - active</translation>
    </message>
    <message>
      <source>Fine-tune the network</source>
      <translation>Fine-tune the network</translation>
    </message>
    <message>
      <source>Fine-tunes the six heads of the active model on this project's corrections and golden labels, as "headshot-qa train --from-project" does; the backbone stays as it is. About a quarter of the people are held out (the photo's folder stands for the person) and both the current and the new model are judged on them only. The new version is registered in the project and used only if you accept it, which is offered only when it judges the held-out people better.</source>
      <translation>Fine-tunes the six heads of the active model on this project's corrections and golden labels, as "headshot-qa train --from-project" does; the backbone stays as it is. About a quarter of the people are held out (the photo's folder stands for the person) and both the current and the new model are judged on them only. The new version is registered in the project and used only if you accept it, which is offered only when it judges the held-out people better.</translation>
    </message>
    <message>
      <source>This build has no network engine (it was built without LibTorch), so the network cannot be fine-tuned here.</source>
      <translation>This build has no network engine (it was built without LibTorch), so the network cannot be fine-tuned here.</translation>
    </message>
    <message>
      <source>No trained weights: the engine "%1" has no model file set (Edit &gt; Preferences), so there is no network to fine-tune.</source>
      <translation>No trained weights: the engine "%1" has no model file set (Edit &gt; Preferences), so there is no network to fine-tune.</translation>
    </message>
    <message>
      <source>No trained weights: the model file %1 does not exist, so there is no network to fine-tune.</source>
      <translation>No trained weights: the model file %1 does not exist, so there is no network to fine-tune.</translation>
    </message>
    <message>
      <source>Model: %1. Press "Fine-tune the network" to start.</source>
      <translation>Model: %1. Press "Fine-tune the network" to start.</translation>
    </message>
    <message>
      <source>Current model, held-out accuracy</source>
      <translation>Current model, held-out accuracy</translation>
    </message>
    <message>
      <source>Fine-tuned model, held-out accuracy</source>
      <translation>Fine-tuned model, held-out accuracy</translation>
    </message>
    <message>
      <source>Held-out labels</source>
      <translation>Held-out labels</translation>
    </message>
    <message>
      <source>&amp;Fine-tune the network</source>
      <translation>&amp;Fine-tune the network</translation>
    </message>
    <message>
      <source>Cancel fine-&amp;tuning</source>
      <translation>Cancel fine-&amp;tuning</translation>
    </message>
    <message>
      <source>&amp;Accept the fine-tuned model</source>
      <translation>&amp;Accept the fine-tuned model</translation>
    </message>
    <message>
      <source>The fine-tuned model can be accepted once it beats the current one on held-out people.</source>
      <translation>The fine-tuned model can be accepted once it beats the current one on held-out people.</translation>
    </message>
    <message>
      <source>Fine-tuning…</source>
      <translation>Fine-tuning…</translation>
    </message>
    <message>
      <source>%1 (%2 of %3 steps)</source>
      <translation>%1 (%2 of %3 steps)</translation>
    </message>
    <message>
      <source>Cancelling the fine-tuning…</source>
      <translation>Cancelling the fine-tuning…</translation>
    </message>
    <message>
      <source>No new version was registered and the active model is unchanged.</source>
      <translation>No new version was registered and the active model is unchanged.</translation>
    </message>
    <message>
      <source>Fine-tuning cancelled.</source>
      <translation>Fine-tuning cancelled.</translation>
    </message>
    <message>
      <source>Fine-tuning failed: %1</source>
      <translation>Fine-tuning failed: %1</translation>
    </message>
    <message>
      <source>Fine-tuned on %1 photo(s) of %2 people and checked on %3 held-out photo(s) of %4 other people: the current model judged %5 of their %6 known labels right, the fine-tuned one %7. Registered in the project as version %8.</source>
      <translation>Fine-tuned on %1 photo(s) of %2 people and checked on %3 held-out photo(s) of %4 other people: the current model judged %5 of their %6 known labels right, the fine-tuned one %7. Registered in the project as version %8.</translation>
    </message>
    <message>
      <source>The new version is not in use until you press "Accept the fine-tuned model".</source>
      <translation>The new version is not in use until you press "Accept the fine-tuned model".</translation>
    </message>
    <message>
      <source>Accepting also switches the engine from "fused" to "swin": the fusion choice belongs to the current model (run "headshot-qa model fuse" on the new one to fuse again).</source>
      <translation>Accepting also switches the engine from "fused" to "swin": the fusion choice belongs to the current model (run "headshot-qa model fuse" on the new one to fuse again).</translation>
    </message>
    <message>
      <source>Not offered: no held-out photo has a known label, so the new version cannot be compared with the current model, which stays in use.</source>
      <translation>Not offered: no held-out photo has a known label, so the new version cannot be compared with the current model, which stays in use.</translation>
    </message>
    <message>
      <source>Not offered: the fine-tuned model does not beat the current one on the held-out people (%1 against %2 right), so the current model stays in use. The new version stays registered in the project for reference.</source>
      <translation>Not offered: the fine-tuned model does not beat the current one on the held-out people (%1 against %2 right), so the current model stays in use. The new version stays registered in the project for reference.</translation>
    </message>
    <message>
      <source>The fine-tuned model cannot be read: %1</source>
      <translation>The fine-tuned model cannot be read: %1</translation>
    </message>
    <message>
      <source>The fine-tuned model could not be registered in the project: %1</source>
      <translation>The fine-tuned model could not be registered in the project: %1</translation>
    </message>
    <message>
      <source>The file of the fine-tuned model is missing: %1</source>
      <translation>The file of the fine-tuned model is missing: %1</translation>
    </message>
    <message>
      <source>The fine-tuned model (version %1) is the active model now, with the engine "swin".</source>
      <translation>The fine-tuned model (version %1) is the active model now, with the engine "swin".</translation>
    </message>
    <message>
      <source>The fine-tuned model (version %1) is the active model now.</source>
      <translation>The fine-tuned model (version %1) is the active model now.</translation>
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
      <translation>%v of %m</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Drop photos or folders anywhere on this window, or use File &gt; Open files (Ctrl+O).</source>
      <translation>Drop photos or folders anywhere on this window, or use File &gt; Open files (Ctrl+O).</translation>
    </message>
    <message>
      <source>The last project, %1, is no longer there. Open another with File &gt; Open project or File &gt; Recent projects.</source>
      <translation>The last project, %1, is no longer there. Open another with File &gt; Open project or File &gt; Recent projects.</translation>
    </message>
    <message numerus="yes">
      <source>Reopened the last project, %1, with %n photo(s).</source>
      <translation>
        <numerusform>Reopened the last project, %1, with %n photo.</numerusform>
        <numerusform>Reopened the last project, %1, with %n photos.</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;%1 %2  (%3)</source>
      <translation>&amp;%1 %2  (%3)</translation>
    </message>
    <message>
      <source>– missing</source>
      <translation>– missing</translation>
    </message>
    <message>
      <source>%1 is no longer there (moved or deleted).</source>
      <translation>%1 is no longer there (moved or deleted).</translation>
    </message>
    <message>
      <source>%1 is no longer there; it was removed from the recent projects.</source>
      <translation>%1 is no longer there; it was removed from the recent projects.</translation>
    </message>
    <message>
      <source>No recent projects</source>
      <translation>No recent projects</translation>
    </message>
    <message>
      <source>&amp;Clear list</source>
      <translation>&amp;Clear list</translation>
    </message>
    <message>
      <source>The list of recent projects was cleared (the projects themselves were not touched).</source>
      <translation>The list of recent projects was cleared (the projects themselves were not touched).</translation>
    </message>
    <message>
      <source>Select a photo first: Reveal in folder opens the folder that holds it.</source>
      <translation>Select a photo first: Reveal in folder opens the folder that holds it.</translation>
    </message>
    <message>
      <source>The folder of %1 no longer exists: %2</source>
      <translation>The folder of %1 no longer exists: %2</translation>
    </message>
    <message>
      <source>Opened the folder %1, which holds %2.</source>
      <translation>Opened the folder %1, which holds %2.</translation>
    </message>
    <message>
      <source>Could not open the folder %1: no file manager answered.</source>
      <translation>Could not open the folder %1: no file manager answered.</translation>
    </message>
    <message>
      <source>No project is open: there is nothing to copy.</source>
      <translation>No project is open: there is nothing to copy.</translation>
    </message>
    <message>
      <source>The project was not copied to %1: %2</source>
      <translation>The project was not copied to %1: %2</translation>
    </message>
    <message>
      <source>Copied the project to %1; you are still working in %2.</source>
      <translation>Copied the project to %1; you are still working in %2.</translation>
    </message>
    <message>
      <source>No project is open: there is nothing to save.</source>
      <translation>No project is open: there is nothing to save.</translation>
    </message>
    <message>
      <source>The project was not saved as %1: %2</source>
      <translation>The project was not saved as %1: %2</translation>
    </message>
    <message>
      <source>Saved the project as %1; you are now working in it (%2 is unchanged).</source>
      <translation>Saved the project as %1; you are now working in it (%2 is unchanged).</translation>
    </message>
    <message>
      <source>%1 of %2 shown</source>
      <translation>%1 of %2 shown</translation>
    </message>
    <message>
      <source>No photo matches this filter.</source>
      <translation>No photo matches this filter.</translation>
    </message>
    <message numerus="yes">
      <source>Choose "%1" to see all %n photo(s).</source>
      <translation>
        <numerusform>Choose "%1" to see all %n photo.</numerusform>
        <numerusform>Choose "%1" to see all %n photos.</numerusform>
      </translation>
    </message>
    <message>
      <source>No photos yet: drop photos or folders here, or use File &gt; Open files.</source>
      <translation>No photos yet: drop photos or folders here, or use File &gt; Open files.</translation>
    </message>
    <message>
      <source>All photos</source>
      <translation>All photos</translation>
    </message>
    <message>
      <source>Any failing attribute</source>
      <translation>Any failing attribute</translation>
    </message>
    <message>
      <source>Failing: %1</source>
      <translation>Failing: %1</translation>
    </message>
    <message>
      <source>Passing: %1</source>
      <translation>Passing: %1</translation>
    </message>
    <message>
      <source>Corrected</source>
      <translation>Corrected</translation>
    </message>
    <message>
      <source>Not corrected</source>
      <translation>Not corrected</translation>
    </message>
    <message>
      <source>Disagrees with golden label</source>
      <translation>Disagrees with golden label</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>Errors</translation>
    </message>
    <message>
      <source>Missing files</source>
      <translation>Missing files</translation>
    </message>
    <message>
      <source>Not assessed</source>
      <translation>Not assessed</translation>
    </message>
    <message>
      <source>Not yet reviewed</source>
      <translation>Not yet reviewed</translation>
    </message>
    <message>
      <source>Sort by name</source>
      <translation>Sort by name</translation>
    </message>
    <message>
      <source>Sort by failures (most first)</source>
      <translation>Sort by failures (most first)</translation>
    </message>
    <message>
      <source>Sort by score: %1</source>
      <translation>Sort by score: %1</translation>
    </message>
    <message>
      <source>&amp;Show:</source>
      <translation>&amp;Show:</translation>
    </message>
    <message>
      <source>Photos</source>
      <translation>Photos</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Review</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>&amp;File</translation>
    </message>
    <message>
      <source>&amp;New project…</source>
      <translation>&amp;New project…</translation>
    </message>
    <message>
      <source>Open &amp;project…</source>
      <translation>Open &amp;project…</translation>
    </message>
    <message>
      <source>Ctrl+Shift+P</source>
      <translation>Ctrl+Shift+P</translation>
    </message>
    <message>
      <source>&amp;Recent projects</source>
      <translation>&amp;Recent projects</translation>
    </message>
    <message>
      <source>&amp;Save project as…</source>
      <translation>&amp;Save project as…</translation>
    </message>
    <message>
      <source>Ctrl+Shift+S</source>
      <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
      <source>&amp;Copy project to…</source>
      <translation>&amp;Copy project to…</translation>
    </message>
    <message>
      <source>&amp;Open files…</source>
      <translation>&amp;Open files…</translation>
    </message>
    <message>
      <source>Open &amp;folder…</source>
      <translation>Open &amp;folder…</translation>
    </message>
    <message>
      <source>Ctrl+Shift+O</source>
      <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
      <source>Re&amp;veal in folder</source>
      <translation>Re&amp;veal in folder</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>&amp;Quit</translation>
    </message>
    <message>
      <source>&amp;Edit</source>
      <translation>&amp;Edit</translation>
    </message>
    <message>
      <source>&amp;Undo correction</source>
      <translation>&amp;Undo correction</translation>
    </message>
    <message>
      <source>&amp;Redo correction</source>
      <translation>&amp;Redo correction</translation>
    </message>
    <message>
      <source>Ctrl+Shift+Z</source>
      <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
      <source>Flip verdict: %1</source>
      <translation>Flip verdict: %1</translation>
    </message>
    <message>
      <source>&amp;Accept all verdicts of the photo</source>
      <translation>&amp;Accept all verdicts of the photo</translation>
    </message>
    <message>
      <source>&amp;Next photo</source>
      <translation>&amp;Next photo</translation>
    </message>
    <message>
      <source>&amp;Previous photo</source>
      <translation>&amp;Previous photo</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>&amp;View</translation>
    </message>
    <message>
      <source>Zoom &amp;in</source>
      <translation>Zoom &amp;in</translation>
    </message>
    <message>
      <source>Zoom &amp;out</source>
      <translation>Zoom &amp;out</translation>
    </message>
    <message>
      <source>&amp;Fit to window</source>
      <translation>&amp;Fit to window</translation>
    </message>
    <message>
      <source>100% or &amp;fit (about the pointer)</source>
      <translation>100% or &amp;fit (about the pointer)</translation>
    </message>
    <message>
      <source>&amp;Thumbnail size</source>
      <translation>&amp;Thumbnail size</translation>
    </message>
    <message>
      <source>&amp;Small</source>
      <translation>&amp;Small</translation>
    </message>
    <message>
      <source>&amp;Medium</source>
      <translation>&amp;Medium</translation>
    </message>
    <message>
      <source>&amp;Large</source>
      <translation>&amp;Large</translation>
    </message>
    <message>
      <source>Face box</source>
      <translation>Face box</translation>
    </message>
    <message>
      <source>Landmarks</source>
      <translation>Landmarks</translation>
    </message>
    <message>
      <source>Eye line</source>
      <translation>Eye line</translation>
    </message>
    <message>
      <source>Vertical centre line</source>
      <translation>Vertical centre line</translation>
    </message>
    <message>
      <source>Rule-of-thirds grid</source>
      <translation>Rule-of-thirds grid</translation>
    </message>
    <message>
      <source>Head-top and chin lines</source>
      <translation>Head-top and chin lines</translation>
    </message>
    <message>
      <source>Ideal headshot crop</source>
      <translation>Ideal headshot crop</translation>
    </message>
    <message>
      <source>Failing margins in the fail colour</source>
      <translation>Failing margins in the fail colour</translation>
    </message>
    <message>
      <source>&amp;Tools</source>
      <translation>&amp;Tools</translation>
    </message>
    <message>
      <source>&amp;Assess selected photos again</source>
      <translation>&amp;Assess selected photos again</translation>
    </message>
    <message>
      <source>Ctrl+R</source>
      <translation>Ctrl+R</translation>
    </message>
    <message>
      <source>&amp;Cancel assessment</source>
      <translation>&amp;Cancel assessment</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>&amp;Help</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
      <source>&amp;About Headshot QA</source>
      <translation>&amp;About Headshot QA</translation>
    </message>
    <message>
      <source>About Headshot QA</source>
      <translation>About Headshot QA</translation>
    </message>
    <message>
      <source>Headshot QA %1 judges professional headshots on six attributes.</source>
      <translation>Headshot QA %1 judges professional headshots on six attributes.</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>Keyboard shortcuts</translation>
    </message>
    <message>
      <source>Action</source>
      <translation>Action</translation>
    </message>
    <message>
      <source>Keys</source>
      <translation>Keys</translation>
    </message>
    <message>
      <source> or </source>
      <translation> or </translation>
    </message>
    <message>
      <source>Move between photos in the grid</source>
      <translation>Move between photos in the grid</translation>
    </message>
    <message>
      <source>Arrow keys</source>
      <translation>Arrow keys</translation>
    </message>
    <message>
      <source>Zoom about the pointer</source>
      <translation>Zoom about the pointer</translation>
    </message>
    <message>
      <source>Mouse wheel</source>
      <translation>Mouse wheel</translation>
    </message>
    <message>
      <source>Pan</source>
      <translation>Pan</translation>
    </message>
    <message>
      <source>Drag with the left button</source>
      <translation>Drag with the left button</translation>
    </message>
    <message>
      <source>Cannot open the project %1: %2</source>
      <translation>Cannot open the project %1: %2</translation>
    </message>
    <message>
      <source>%1 – Headshot QA</source>
      <translation>%1 – Headshot QA</translation>
    </message>
    <message>
      <source>Project %1 opened.</source>
      <translation>Project %1 opened.</translation>
    </message>
    <message>
      <source>New project</source>
      <translation>New project</translation>
    </message>
    <message>
      <source>Headshot QA projects (*.hqa)</source>
      <translation>Headshot QA projects (*.hqa)</translation>
    </message>
    <message>
      <source>Open project</source>
      <translation>Open project</translation>
    </message>
    <message>
      <source>-copy</source>
      <translation>-copy</translation>
    </message>
    <message>
      <source>Save project as</source>
      <translation>Save project as</translation>
    </message>
    <message>
      <source>Copy project to</source>
      <translation>Copy project to</translation>
    </message>
    <message>
      <source>Open photos</source>
      <translation>Open photos</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</source>
      <translation>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</translation>
    </message>
    <message>
      <source>Open a folder of photos</source>
      <translation>Open a folder of photos</translation>
    </message>
    <message>
      <source>No project was open: the photos go into the default project %1.</source>
      <translation>No project was open: the photos go into the default project %1.</translation>
    </message>
    <message numerus="yes">
      <source>Adding %n photo(s)…</source>
      <translation>
        <numerusform>Adding %n photo…</numerusform>
        <numerusform>Adding %n photos…</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) could not be added: </source>
      <translation>
        <numerusform>%n file could not be added: </numerusform>
        <numerusform>%n files could not be added: </numerusform>
      </translation>
    </message>
    <message>
      <source>%1 = %2</source>
      <translation>pass&lt;/source&gt;
      &lt;translation&gt;pass&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;fail&lt;/source&gt;
      &lt;translation&gt;fail&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Show:&lt;/source&gt;
      &lt;translation&gt;Show:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;All photos&lt;/source&gt;
      &lt;translation&gt;All photos&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Not yet verified&lt;/source&gt;
      &lt;translation&gt;Not yet verified&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Golden label differs from prediction&lt;/source&gt;
      &lt;translation&gt;Golden label differs from prediction&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Import labels.csv...&lt;/source&gt;
      &lt;translation&gt;&amp;Import labels.csv...&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Export labels.csv...&lt;/source&gt;
      &lt;translation&gt;&amp;Export labels.csv...&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Photo&lt;/source&gt;
      &lt;translation&gt;Photo&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Verified&lt;/source&gt;
      &lt;translation&gt;Verified&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Prediction&lt;/source&gt;
      &lt;translation&gt;Prediction&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Agreement&lt;/source&gt;
      &lt;translation&gt;Agreement&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Keys 1-6 toggle the current photo's attributes, Space marks it verified.&lt;/source&gt;
      &lt;translation&gt;Keys 1-6 toggle the current photo's attributes, Space marks it verified.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cannot read the project: %1&lt;/source&gt;
      &lt;translation&gt;Cannot read the project: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;verified&lt;/source&gt;
      &lt;translation&gt;verified&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;not verified&lt;/source&gt;
      &lt;translation&gt;not verified&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Click or press Space to store this label as verified&lt;/source&gt;
      &lt;translation&gt;Click or press Space to store this label as verified&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Click or press %1 to toggle&lt;/source&gt;
      &lt;translation&gt;Click or press %1 to toggle&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The engine's verdict, before any correction&lt;/source&gt;
      &lt;translation&gt;The engine's verdict, before any correction&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;no verdict&lt;/source&gt;
      &lt;translation&gt;no verdict&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;not assessed&lt;/source&gt;
      &lt;translation&gt;not assessed&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;differs: %1&lt;/source&gt;
      &lt;translation&gt;differs: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;no engine verdict to compare: %1&lt;/source&gt;
      &lt;translation&gt;no engine verdict to compare: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;not assessed yet, nothing to compare&lt;/source&gt;
      &lt;translation&gt;not assessed yet, nothing to compare&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;nothing to compare: no attribute is known in both&lt;/source&gt;
      &lt;translation&gt;nothing to compare: no attribute is known in both&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;agrees&lt;/source&gt;
      &lt;translation&gt;agrees&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cannot store the golden label: %1&lt;/source&gt;
      &lt;translation&gt;Cannot store the golden label: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;No project is open.&lt;/source&gt;
      &lt;translation&gt;No project is open.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;Exported %n golden label(s) to %1.&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;Exported %n golden label to %1.&lt;/numerusform&gt;
        &lt;numerusform&gt;Exported %n golden labels to %1.&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cannot import %1: %2&lt;/source&gt;
      &lt;translation&gt;Cannot import %1: %2&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;line %1: %2&lt;/source&gt;
      &lt;translation&gt;line %1: %2&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;line %1: %2 (%3)&lt;/source&gt;
      &lt;translation&gt;line %1: %2 (%3)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Imported %1 golden label(s) (%2 by path, %3 by content).&lt;/source&gt;
      &lt;translation&gt;Imported %1 golden label(s) (%2 by path, %3 by content).&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%1 row(s) match no photo of the project: %2&lt;/source&gt;
      &lt;translation&gt;%1 row(s) match no photo of the project: %2&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Export golden labels&lt;/source&gt;
      &lt;translation&gt;Export golden labels&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Label files (*.csv)&lt;/source&gt;
      &lt;translation&gt;Label files (*.csv)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cannot export: %1&lt;/source&gt;
      &lt;translation&gt;Cannot export: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Import golden labels&lt;/source&gt;
      &lt;translation&gt;Import golden labels&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Label files (*.csv);;All files (*)&lt;/source&gt;
      &lt;translation&gt;Label files (*.csv);;All files (*)&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::ui::LearnDialog&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;Learn from corrections&lt;/source&gt;
      &lt;translation&gt;Learn from corrections&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Trains a small head per attribute on the engine's evidence, from this project's corrections and golden labels. Every person's photos are held out once and judged by a head that learned from the other people only (the photo's folder stands for the person). A head replaces the engine on an attribute only when at least 5 different people were held out and its gain on them is larger than the noise: the 95% interval of the gain lies above zero.&lt;/source&gt;
      &lt;translation&gt;Trains a small head per attribute on the engine's evidence, from this project's corrections and golden labels. Every person's photos are held out once and judged by a head that learned from the other people only (the photo's folder stands for the person). A head replaces the engine on an attribute only when at least 5 different people were held out and its gain on them is larger than the noise: the 95% interval of the gain lies above zero.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Accuracy before&lt;/source&gt;
      &lt;translation&gt;Accuracy before&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Accuracy after&lt;/source&gt;
      &lt;translation&gt;Accuracy after&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Held-out photos&lt;/source&gt;
      &lt;translation&gt;Held-out photos&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Held-out people&lt;/source&gt;
      &lt;translation&gt;Held-out people&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Gain in points (95% interval)&lt;/source&gt;
      &lt;translation&gt;Gain in points (95% interval)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Result&lt;/source&gt;
      &lt;translation&gt;Result&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Versions of the head in this project (the active one is marked):&lt;/source&gt;
      &lt;translation&gt;Versions of the head in this project (the active one is marked):&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Train&lt;/source&gt;
      &lt;translation&gt;&amp;Train&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Cancel training&lt;/source&gt;
      &lt;translation&gt;&amp;Cancel training&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Use the new head&lt;/source&gt;
      &lt;translation&gt;&amp;Use the new head&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Restore selected version&lt;/source&gt;
      &lt;translation&gt;&amp;Restore selected version&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Close&lt;/source&gt;
      &lt;translation&gt;Close&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Open a project first.&lt;/source&gt;
      &lt;translation&gt;Open a project first.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;This build has no corrections-head trainer (core/train/CorrectionsHead.h), so training is not available. Earlier versions can still be restored.&lt;/source&gt;
      &lt;translation&gt;This build has no corrections-head trainer (core/train/CorrectionsHead.h), so training is not available. Earlier versions can still be restored.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Press Train to start.&lt;/source&gt;
      &lt;translation&gt;Press Train to start.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Training…&lt;/source&gt;
      &lt;translation&gt;Training…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cancelling…&lt;/source&gt;
      &lt;translation&gt;Cancelling…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Training cancelled; the active head is unchanged.&lt;/source&gt;
      &lt;translation&gt;Training cancelled; the active head is unchanged.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Training failed: %1&lt;/source&gt;
      &lt;translation&gt;Training failed: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;Checked on %n held-out photo(s)&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;Checked on %n held-out photo&lt;/numerusform&gt;
        &lt;numerusform&gt;Checked on %n held-out photos&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;of %n different people, each judged by a head that learned from the other people only.&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;of %n person, judged by a head that learned from the other people only.&lt;/numerusform&gt;
        &lt;numerusform&gt;of %n different people, each judged by a head that learned from the other people only.&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Trained on %1 sample(s), compared on %2 held-out sample(s).&lt;/source&gt;
      &lt;translation&gt;Trained on %1 sample(s), compared on %2 held-out sample(s).&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;No attribute beat the engine on held-out people by more than the noise, so the engine keeps judging every attribute; the table says why for each.&lt;/source&gt;
      &lt;translation&gt;No attribute beat the engine on held-out people by more than the noise, so the engine keeps judging every attribute; the table says why for each.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The new head is not active until you press "Use the new head".&lt;/source&gt;
      &lt;translation&gt;The new head is not active until you press "Use the new head".&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%1 (%2 to %3)&lt;/source&gt;
      &lt;translation&gt;%1 (%2 to %3)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Learned&lt;/source&gt;
      &lt;translation&gt;Learned&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Engine kept&lt;/source&gt;
      &lt;translation&gt;Engine kept&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The head could not be registered: %1&lt;/source&gt;
      &lt;translation&gt;The head could not be registered: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The new head (version %1) is active.&lt;/source&gt;
      &lt;translation&gt;The new head (version %1) is active.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The file of this version is missing: %1&lt;/source&gt;
      &lt;translation&gt;The file of this version is missing: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Version %1 is active again.&lt;/source&gt;
      &lt;translation&gt;Version %1 is active again.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%1 (registered %2)%3&lt;/source&gt;
      &lt;translation&gt;%1 (registered %2)%3&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt; - active&lt;/source&gt;
      &lt;translation&gt; - active&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::ui::MainWindow&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;Headshot QA&lt;/source&gt;
      &lt;translation&gt;Headshot QA&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%v of %m&lt;/source&gt;
      &lt;translation&gt;%v of %m&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cancel&lt;/source&gt;
      &lt;translation&gt;Cancel&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Drop photos or folders anywhere on this window, or use File &gt; Open files (Ctrl+O).&lt;/source&gt;
      &lt;translation&gt;Drop photos or folders anywhere on this window, or use File &gt; Open files (Ctrl+O).&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;All photos&lt;/source&gt;
      &lt;translation&gt;All photos&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Any failing attribute&lt;/source&gt;
      &lt;translation&gt;Any failing attribute&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Failing: %1&lt;/source&gt;
      &lt;translation&gt;Failing: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Passing: %1&lt;/source&gt;
      &lt;translation&gt;Passing: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Corrected&lt;/source&gt;
      &lt;translation&gt;Corrected&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Not corrected&lt;/source&gt;
      &lt;translation&gt;Not corrected&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Disagrees with golden label&lt;/source&gt;
      &lt;translation&gt;Disagrees with golden label&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Errors&lt;/source&gt;
      &lt;translation&gt;Errors&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Missing files&lt;/source&gt;
      &lt;translation&gt;Missing files&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Not assessed&lt;/source&gt;
      &lt;translation&gt;Not assessed&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Sort by name&lt;/source&gt;
      &lt;translation&gt;Sort by name&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Sort by failures (most first)&lt;/source&gt;
      &lt;translation&gt;Sort by failures (most first)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Sort by score: %1&lt;/source&gt;
      &lt;translation&gt;Sort by score: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Show:&lt;/source&gt;
      &lt;translation&gt;&amp;Show:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Photos&lt;/source&gt;
      &lt;translation&gt;Photos&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Review&lt;/source&gt;
      &lt;translation&gt;Review&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;File&lt;/source&gt;
      &lt;translation&gt;&amp;File&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;New project…&lt;/source&gt;
      &lt;translation&gt;&amp;New project…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Open &amp;project…&lt;/source&gt;
      &lt;translation&gt;Open &amp;project…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Ctrl+Shift+P&lt;/source&gt;
      &lt;translation&gt;Ctrl+Shift+P&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Open files…&lt;/source&gt;
      &lt;translation&gt;&amp;Open files…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Open &amp;folder…&lt;/source&gt;
      &lt;translation&gt;Open &amp;folder…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Ctrl+Shift+O&lt;/source&gt;
      &lt;translation&gt;Ctrl+Shift+O&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Quit&lt;/source&gt;
      &lt;translation&gt;&amp;Quit&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Edit&lt;/source&gt;
      &lt;translation&gt;&amp;Edit&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Undo correction&lt;/source&gt;
      &lt;translation&gt;&amp;Undo correction&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Redo correction&lt;/source&gt;
      &lt;translation&gt;&amp;Redo correction&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Ctrl+Shift+Z&lt;/source&gt;
      &lt;translation&gt;Ctrl+Shift+Z&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Flip verdict: %1&lt;/source&gt;
      &lt;translation&gt;Flip verdict: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Accept all verdicts of the photo&lt;/source&gt;
      &lt;translation&gt;&amp;Accept all verdicts of the photo&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Next photo&lt;/source&gt;
      &lt;translation&gt;&amp;Next photo&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Previous photo&lt;/source&gt;
      &lt;translation&gt;&amp;Previous photo&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;View&lt;/source&gt;
      &lt;translation&gt;&amp;View&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Zoom &amp;in&lt;/source&gt;
      &lt;translation&gt;Zoom &amp;in&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Zoom &amp;out&lt;/source&gt;
      &lt;translation&gt;Zoom &amp;out&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Fit to window&lt;/source&gt;
      &lt;translation&gt;&amp;Fit to window&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Face box&lt;/source&gt;
      &lt;translation&gt;Face box&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Landmarks&lt;/source&gt;
      &lt;translation&gt;Landmarks&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Eye line&lt;/source&gt;
      &lt;translation&gt;Eye line&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Vertical centre line&lt;/source&gt;
      &lt;translation&gt;Vertical centre line&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Rule-of-thirds grid&lt;/source&gt;
      &lt;translation&gt;Rule-of-thirds grid&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Head-top and chin lines&lt;/source&gt;
      &lt;translation&gt;Head-top and chin lines&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Ideal headshot crop&lt;/source&gt;
      &lt;translation&gt;Ideal headshot crop&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Failing margins in the fail colour&lt;/source&gt;
      &lt;translation&gt;Failing margins in the fail colour&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Tools&lt;/source&gt;
      &lt;translation&gt;&amp;Tools&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Assess selected photos again&lt;/source&gt;
      &lt;translation&gt;&amp;Assess selected photos again&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Ctrl+R&lt;/source&gt;
      &lt;translation&gt;Ctrl+R&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Cancel assessment&lt;/source&gt;
      &lt;translation&gt;&amp;Cancel assessment&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Help&lt;/source&gt;
      &lt;translation&gt;&amp;Help&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Keyboard shortcuts&lt;/source&gt;
      &lt;translation&gt;&amp;Keyboard shortcuts&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;About Headshot QA&lt;/source&gt;
      &lt;translation&gt;&amp;About Headshot QA&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;About Headshot QA&lt;/source&gt;
      &lt;translation&gt;About Headshot QA&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Headshot QA %1 judges professional headshots on six attributes.&lt;/source&gt;
      &lt;translation&gt;Headshot QA %1 judges professional headshots on six attributes.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Keyboard shortcuts&lt;/source&gt;
      &lt;translation&gt;Keyboard shortcuts&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Action&lt;/source&gt;
      &lt;translation&gt;Action&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Keys&lt;/source&gt;
      &lt;translation&gt;Keys&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt; or &lt;/source&gt;
      &lt;translation&gt; or &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Move between photos in the grid&lt;/source&gt;
      &lt;translation&gt;Move between photos in the grid&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Arrow keys&lt;/source&gt;
      &lt;translation&gt;Arrow keys&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Zoom about the pointer&lt;/source&gt;
      &lt;translation&gt;Zoom about the pointer&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Mouse wheel&lt;/source&gt;
      &lt;translation&gt;Mouse wheel&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Pan&lt;/source&gt;
      &lt;translation&gt;Pan&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Drag with the left button&lt;/source&gt;
      &lt;translation&gt;Drag with the left button&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cannot open the project %1: %2&lt;/source&gt;
      &lt;translation&gt;Cannot open the project %1: %2&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%1 – Headshot QA&lt;/source&gt;
      &lt;translation&gt;%1 – Headshot QA&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Project %1 opened.&lt;/source&gt;
      &lt;translation&gt;Project %1 opened.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;New project&lt;/source&gt;
      &lt;translation&gt;New project&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Headshot QA projects (*.hqa)&lt;/source&gt;
      &lt;translation&gt;Headshot QA projects (*.hqa)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Open project&lt;/source&gt;
      &lt;translation&gt;Open project&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Open photos&lt;/source&gt;
      &lt;translation&gt;Open photos&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)&lt;/source&gt;
      &lt;translation&gt;Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Open a folder of photos&lt;/source&gt;
      &lt;translation&gt;Open a folder of photos&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;No project was open: the photos go into the default project %1.&lt;/source&gt;
      &lt;translation&gt;No project was open: the photos go into the default project %1.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;Adding %n photo(s)…&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;Adding %n photo…&lt;/numerusform&gt;
        &lt;numerusform&gt;Adding %n photos…&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;%n file(s) could not be added: &lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;%n file could not be added: &lt;/numerusform&gt;
        &lt;numerusform&gt;%n files could not be added: &lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%1 = %2</translation>
    </message>
    <message numerus="yes">
      <source>%n file(s) had exactly the same content as another photo and share its tile (same verdicts, one entry in the project): </source>
      <translation>
        <numerusform>%n file had exactly the same content as another photo and shares its tile (same verdicts, one entry in the project): </numerusform>
        <numerusform>%n files had exactly the same content as another photo and share its tile (same verdicts, one entry in the project): </numerusform>
      </translation>
    </message>
    <message>
      <source>Assessing…</source>
      <translation>Assessing…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>Cancelling…</translation>
    </message>
    <message>
      <source>%1: %2</source>
      <translation>%1: %2</translation>
    </message>
    <message>
      <source>%1 of %2 · %3 images/s</source>
      <translation>%1 of %2 · %3 images/s</translation>
    </message>
    <message>
      <source>Assessment cancelled at %1 of %2.</source>
      <translation>Assessment cancelled at %1 of %2.</translation>
    </message>
    <message numerus="yes">
      <source>Assessment finished: %n error(s).</source>
      <translation>
        <numerusform>Assessment finished: %n error.</numerusform>
        <numerusform>Assessment finished: %n errors.</numerusform>
      </translation>
    </message>
    <message>
      <source>(corrected)</source>
      <translation>(corrected)</translation>
    </message>
    <message>
      <source>The correction was not saved: %1</source>
      <translation>The correction was not saved: %1</translation>
    </message>
    <message>
      <source>%1 set to %2 by %3.</source>
      <translation>%1 set to %2 by %3.</translation>
    </message>
    <message>
      <source>pass</source>
      <translation>pass</translation>
    </message>
    <message>
      <source>fail</source>
      <translation>fail</translation>
    </message>
    <message>
      <source>Could not accept the verdicts: %1</source>
      <translation>Could not accept the verdicts: %1</translation>
    </message>
    <message>
      <source>the photo is no longer in the project</source>
      <translation>the photo is no longer in the project</translation>
    </message>
    <message>
      <source>This photo has verdicts the engine could not give; set them (keys 1-6) before accepting.</source>
      <translation>This photo has verdicts the engine could not give; set them (keys 1-6) before accepting.</translation>
    </message>
    <message>
      <source>All six verdicts accepted and verified by %1.</source>
      <translation>All six verdicts accepted and verified by %1.</translation>
    </message>
    <message>
      <source>Undo failed: %1</source>
      <translation>Undo failed: %1</translation>
    </message>
    <message>
      <source>Redo failed: %1</source>
      <translation>Redo failed: %1</translation>
    </message>
    <message>
      <source>Nothing to undo.</source>
      <translation>Nothing to undo.</translation>
    </message>
    <message>
      <source>Nothing to redo.</source>
      <translation>Nothing to redo.</translation>
    </message>
    <message>
      <source>photo %1</source>
      <translation>photo %1</translation>
    </message>
    <message>
      <source>not judged</source>
      <translation>not judged</translation>
    </message>
    <message>
      <source>Undid the change of %1 on %2: %1 is %3 again.</source>
      <translation>Undid the change of %1 on %2: %1 is %3 again.</translation>
    </message>
    <message>
      <source>Redid the change of %1 on %2: %1 is %3.</source>
      <translation>Redid the change of %1 on %2: %1 is %3.</translation>
    </message>
    <message>
      <source>Undid the flag, rating or colour label change of %1.</source>
      <translation>Undid the flag, rating or colour label change of %1.</translation>
    </message>
    <message>
      <source>Redid the flag, rating or colour label change of %1.</source>
      <translation>Redid the flag, rating or colour label change of %1.</translation>
    </message>
    <message numerus="yes">
      <source>Undid the flag, rating or colour label change of %n photo(s).</source>
      <translation>
        <numerusform>Undid the flag, rating or colour label change of %n photo.</numerusform>
        <numerusform>Undid the flag, rating or colour label change of %n photos.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Redid the flag, rating or colour label change of %n photo(s).</source>
      <translation>
        <numerusform>Redid the flag, rating or colour label change of %n photo.</numerusform>
        <numerusform>Redid the flag, rating or colour label change of %n photos.</numerusform>
      </translation>
    </message>
    <message>
      <source>golden label %1</source>
      <translation>golden label %1</translation>
    </message>
    <message>
      <source>not verified</source>
      <translation>not verified</translation>
    </message>
    <message>
      <source>Undid the golden-label change of %1: now %2.</source>
      <translation>Undid the golden-label change of %1: now %2.</translation>
    </message>
    <message>
      <source>Redid the golden-label change of %1: now %2.</source>
      <translation>Redid the golden-label change of %1: now %2.</translation>
    </message>
    <message>
      <source>Golden set</source>
      <translation>Golden set</translation>
    </message>
    <message>
      <source>Metrics</source>
      <translation>Metrics</translation>
    </message>
    <message>
      <source>&amp;Preferences...</source>
      <translation>&amp;Preferences...</translation>
    </message>
    <message>
      <source>&amp;Golden set</source>
      <translation>&amp;Golden set</translation>
    </message>
    <message>
      <source>&amp;Metrics dashboard</source>
      <translation>&amp;Metrics dashboard</translation>
    </message>
    <message>
      <source>E&amp;xport picks…</source>
      <translation>E&amp;xport picks…</translation>
    </message>
    <message>
      <source>&amp;Learn from corrections...</source>
      <translation>&amp;Learn from corrections...</translation>
    </message>
    <message>
      <source>Pick best</source>
      <translation>Pick best</translation>
    </message>
    <message>
      <source>&amp;Pick best from selection</source>
      <translation>&amp;Pick best from selection</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::MetricsDashboard</name>
    <message>
      <source>Threshold curve of:</source>
      <translation>Threshold curve of:</translation>
    </message>
    <message>
      <source>&amp;Apply thresholds</source>
      <translation>&amp;Apply thresholds</translation>
    </message>
    <message>
      <source>Store the dragged thresholds in the preferences; photos assessed from now on use them</source>
      <translation>Store the dragged thresholds in the preferences; photos assessed from now on use them</translation>
    </message>
    <message>
      <source>Drag the solid vertical line to try another threshold</source>
      <translation>Drag the solid vertical line to try another threshold</translation>
    </message>
    <message>
      <source>Threshold</source>
      <translation>Threshold</translation>
    </message>
    <message>
      <source>Accuracy</source>
      <translation>Accuracy</translation>
    </message>
    <message>
      <source>Balanced accuracy</source>
      <translation>Balanced accuracy</translation>
    </message>
    <message>
      <source>Pass F1</source>
      <translation>Pass F1</translation>
    </message>
    <message>
      <source>Fail F1</source>
      <translation>Fail F1</translation>
    </message>
    <message>
      <source>True pass</source>
      <translation>True pass</translation>
    </message>
    <message>
      <source>False fail</source>
      <translation>False fail</translation>
    </message>
    <message>
      <source>True fail</source>
      <translation>True fail</translation>
    </message>
    <message>
      <source>False pass</source>
      <translation>False pass</translation>
    </message>
    <message>
      <source>Cannot read the golden labels: %1</source>
      <translation>Cannot read the golden labels: %1</translation>
    </message>
    <message>
      <source>No golden labels with an assessment yet: verify photos in the golden set mode.</source>
      <translation>No golden labels with an assessment yet: verify photos in the golden set mode.</translation>
    </message>
    <message>
      <source>%1 golden photo(s) with an assessment. Hamming accuracy %2, exact match %3, macro F1 %4.</source>
      <translation>%1 golden photo(s) with an assessment. Hamming accuracy %2, exact match %3, macro F1 %4.</translation>
    </message>
    <message numerus="yes">
      <source>Counted apart, not as engine fails: %n golden photo(s) the engine could not assess: %1</source>
      <translation>
        <numerusform>Counted apart, not as engine fails: %n golden photo the engine could not assess: %1</numerusform>
        <numerusform>Counted apart, not as engine fails: %n golden photos the engine could not assess: %1</numerusform>
      </translation>
    </message>
    <message>
      <source>Against the golden labels</source>
      <translation>Against the golden labels</translation>
    </message>
    <message>
      <source>%1: %2 (%3 pass, %4 fail)</source>
      <translation>%1: %2 (%3 pass, %4 fail)</translation>
    </message>
    <message>
      <source>Too few golden photos to trust these figures for: %1. Aim for at least %2 golden photos with a judged value per attribute, at least %3 of them with each verdict: below that one photo moves a figure by several points.</source>
      <translation>Too few golden photos to trust these figures for: %1. Aim for at least %2 golden photos with a judged value per attribute, at least %3 of them with each verdict: below that one photo moves a figure by several points.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PhotoDelegate</name>
    <message>
      <source>Verified</source>
      <translation>Verified</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PhotoListModel</name>
    <message>
      <source>Not assessed</source>
      <translation>Not assessed</translation>
    </message>
    <message>
      <source>All pass</source>
      <translation>All pass</translation>
    </message>
    <message numerus="yes">
      <source>%n failing</source>
      <translation>
        <numerusform>%n failing</numerusform>
        <numerusform>%n failing</numerusform>
      </translation>
    </message>
    <message>
      <source>Error</source>
      <translation>Error</translation>
    </message>
    <message>
      <source>Missing file</source>
      <translation>Missing file</translation>
    </message>
    <message>
      <source>Picked</source>
      <translation>Picked</translation>
    </message>
    <message>
      <source>Rejected</source>
      <translation>Rejected</translation>
    </message>
    <message numerus="yes">
      <source>%n star(s)</source>
      <translation>
        <numerusform>%n star</numerusform>
        <numerusform>%n stars</numerusform>
      </translation>
    </message>
    <message>
      <source>red label</source>
      <translation>red label</translation>
    </message>
    <message>
      <source>yellow label</source>
      <translation>yellow label</translation>
    </message>
    <message>
      <source>green label</source>
      <translation>green label</translation>
    </message>
    <message>
      <source>blue label</source>
      <translation>blue label</translation>
    </message>
    <message>
      <source>purple label</source>
      <translation>purple label</translation>
    </message>
    <message>
      <source>Verified (golden label)</source>
      <translation>Verified (golden label)</translation>
    </message>
    <message>
      <source>Verified (golden label) by %1</source>
      <translation>Verified (golden label) by %1</translation>
    </message>
    <message>
      <source>Same photo (identical content) as: %1</source>
      <translation>Same photo (identical content) as: %1</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PhotoViewer</name>
    <message>
      <source>Photo viewer</source>
      <translation>Photo viewer</translation>
    </message>
    <message>
      <source>Overlay legend</source>
      <translation>Photo viewer&lt;/source&gt;
      &lt;translation&gt;Photo viewer&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Overlay legend</translation>
    </message>
    <message>
      <source>Zoom</source>
      <translation>Zoom</translation>
    </message>
    <message>
      <source>Face box</source>
      <translation>Face box</translation>
    </message>
    <message>
      <source>Landmarks</source>
      <translation>Landmarks</translation>
    </message>
    <message>
      <source>Eye line (tilt)</source>
      <translation>Eye line (tilt)</translation>
    </message>
    <message>
      <source>Vertical centre line</source>
      <translation>Vertical centre line</translation>
    </message>
    <message>
      <source>Head-top and chin lines</source>
      <translation>Head-top and chin lines</translation>
    </message>
    <message>
      <source>Rule-of-thirds grid</source>
      <translation>Rule-of-thirds grid</translation>
    </message>
    <message>
      <source>Ideal headshot crop (dash-dot)</source>
      <translation>Ideal headshot crop (dash-dot)</translation>
    </message>
    <message>
      <source>What fails framing</source>
      <translation>What fails framing</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <source>Fit</source>
      <translation>Fit</translation>
    </message>
    <message>
      <source>%1%</source>
      <translation>%1%</translation>
    </message>
    <message>
      <source>Zoom: %1% (Z: 100% or fit, 0: fit, +/-: zoom)</source>
      <translation>Zoom: %1% (Z: 100% or fit, 0: fit, +/-: zoom)</translation>
    </message>
    <message>
      <source>Select a photo</source>
      <translation>Select a photo</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PickBestView</name>
    <message>
      <source>The photo ends inside the standard crop, so this crop stays within the photo (no padding); the head is placed less exactly than in the standard layout.</source>
      <translation>Loading…&lt;/source&gt;
      &lt;translation&gt;Loading…&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Select a photo&lt;/source&gt;
      &lt;translation&gt;Select a photo&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::ui::PickBestView&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;The photo ends inside the standard crop, so this crop stays within the photo (no padding); the head is placed less exactly than in the standard layout.</translation>
    </message>
    <message>
      <source>No standard crop: the face has no usable landmarks.</source>
      <translation>No standard crop: the face has no usable landmarks.</translation>
    </message>
    <message>
      <source>Baseline cost (paper)</source>
      <translation>Baseline cost (paper)</translation>
    </message>
    <message>
      <source>Multi-stage filter (paper)</source>
      <translation>Multi-stage filter (paper)</translation>
    </message>
    <message>
      <source>Weakly supervised regression (paper)</source>
      <translation>Weakly supervised regression (paper)</translation>
    </message>
    <message>
      <source>Six attributes (product)</source>
      <translation>Six attributes (product)</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>Cancel</translation>
    </message>
    <message>
      <source>Save crop...</source>
      <translation>Save crop...</translation>
    </message>
    <message>
      <source>Choose a folder, photos or a video with the buttons above, or drop them here, to pick the best face.</source>
      <translation>No standard crop: the face has no usable landmarks.&lt;/source&gt;
      &lt;translation&gt;No standard crop: the face has no usable landmarks.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Baseline cost (paper)&lt;/source&gt;
      &lt;translation&gt;Baseline cost (paper)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Multi-stage filter (paper)&lt;/source&gt;
      &lt;translation&gt;Multi-stage filter (paper)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Weakly supervised regression (paper)&lt;/source&gt;
      &lt;translation&gt;Weakly supervised regression (paper)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Six attributes (product)&lt;/source&gt;
      &lt;translation&gt;Six attributes (product)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cancel&lt;/source&gt;
      &lt;translation&gt;Cancel&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Save crop...&lt;/source&gt;
      &lt;translation&gt;Save crop...&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Choose a folder, photos or a video with the buttons above, or drop them here, to pick the best face.</translation>
    </message>
    <message>
      <source>Folder...</source>
      <translation>Folder...</translation>
    </message>
    <message>
      <source>Rank the photos of a folder (one person per folder)</source>
      <translation>Rank the photos of a folder (one person per folder)</translation>
    </message>
    <message>
      <source>Photos...</source>
      <translation>Photos...</translation>
    </message>
    <message>
      <source>Rank photos of one person</source>
      <translation>Rank photos of one person</translation>
    </message>
    <message>
      <source>Video...</source>
      <translation>Video...</translation>
    </message>
    <message>
      <source>Rank the frames of a video, one group per person</source>
      <translation>Rank the frames of a video, one group per person</translation>
    </message>
    <message>
      <source>Face</source>
      <translation>Face</translation>
    </message>
    <message>
      <source>Rank</source>
      <translation>Rank</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>Source</translation>
    </message>
    <message>
      <source>Brightness %</source>
      <translation>Brightness %</translation>
    </message>
    <message>
      <source>Area px²</source>
      <translation>Area px²</translation>
    </message>
    <message>
      <source>Yaw</source>
      <translation>Yaw</translation>
    </message>
    <message>
      <source>Pitch</source>
      <translation>Pitch</translation>
    </message>
    <message>
      <source>Roll</source>
      <translation>Roll</translation>
    </message>
    <message>
      <source>Why</source>
      <translation>Why</translation>
    </message>
    <message>
      <source>Method:</source>
      <translation>Method:</translation>
    </message>
    <message>
      <source>Group:</source>
      <translation>Group:</translation>
    </message>
    <message>
      <source>Winner's standard crop</source>
      <translation>Winner's standard crop</translation>
    </message>
    <message>
      <source>Cancelling...</source>
      <translation>Cancelling...</translation>
    </message>
    <message numerus="yes">
      <source>Finding faces in %n input(s)...</source>
      <translation>
        <numerusform>Finding faces in %n input...</numerusform>
        <numerusform>Finding faces in %n inputs...</numerusform>
      </translation>
    </message>
    <message>
      <source>Selection cancelled.</source>
      <translation>Selection cancelled.</translation>
    </message>
    <message>
      <source>Selection failed: %1</source>
      <translation>Selection failed: %1</translation>
    </message>
    <message numerus="yes">
      <source>%1 (%n face(s))</source>
      <translation>
        <numerusform>%1 (%n face)</numerusform>
        <numerusform>%1 (%n faces)</numerusform>
      </translation>
    </message>
    <message>
      <source>No face found.</source>
      <translation>No face found.</translation>
    </message>
    <message numerus="yes">
      <source>%n group(s) ranked.</source>
      <translation>
        <numerusform>%n group ranked.</numerusform>
        <numerusform>%n groups ranked.</numerusform>
      </translation>
    </message>
    <message>
      <source>These photos look like different people (appearance spread %1, one person is usually under %2), yet they are ranked as one group: the winner is the best photo of the lot, not of each person. Rank each person's photos on their own (one folder per person).</source>
      <translation>Face&lt;/source&gt;
      &lt;translation&gt;Face&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Rank&lt;/source&gt;
      &lt;translation&gt;Rank&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Score&lt;/source&gt;
      &lt;translation&gt;Score&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Source&lt;/source&gt;
      &lt;translation&gt;Source&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Brightness %&lt;/source&gt;
      &lt;translation&gt;Brightness %&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Area px²&lt;/source&gt;
      &lt;translation&gt;Area px²&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Yaw&lt;/source&gt;
      &lt;translation&gt;Yaw&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Pitch&lt;/source&gt;
      &lt;translation&gt;Pitch&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Roll&lt;/source&gt;
      &lt;translation&gt;Roll&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Why&lt;/source&gt;
      &lt;translation&gt;Why&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Method:&lt;/source&gt;
      &lt;translation&gt;Method:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Group:&lt;/source&gt;
      &lt;translation&gt;Group:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Winner's standard crop&lt;/source&gt;
      &lt;translation&gt;Winner's standard crop&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Cancelling...&lt;/source&gt;
      &lt;translation&gt;Cancelling...&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;Finding faces in %n input(s)...&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;Finding faces in %n input...&lt;/numerusform&gt;
        &lt;numerusform&gt;Finding faces in %n inputs...&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Selection cancelled.&lt;/source&gt;
      &lt;translation&gt;Selection cancelled.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Selection failed: %1&lt;/source&gt;
      &lt;translation&gt;Selection failed: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;%1 (%n face(s))&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;%1 (%n face)&lt;/numerusform&gt;
        &lt;numerusform&gt;%1 (%n faces)&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;No face found.&lt;/source&gt;
      &lt;translation&gt;No face found.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message numerus="yes"&gt;
      &lt;source&gt;%n group(s) ranked.&lt;/source&gt;
      &lt;translation&gt;
        &lt;numerusform&gt;%n group ranked.&lt;/numerusform&gt;
        &lt;numerusform&gt;%n groups ranked.&lt;/numerusform&gt;
      &lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;These photos look like different people (appearance spread %1, one person is usually under %2), yet they are ranked as one group: the winner is the best photo of the lot, not of each person. Rank each person's photos on their own (one folder per person).</translation>
    </message>
    <message>
      <source>(Small group: percentiles are not used.)</source>
      <translation>(Small group: percentiles are not used.)</translation>
    </message>
    <message>
      <source>Pick best: a folder of one person's photos</source>
      <translation>(Small group: percentiles are not used.)&lt;/source&gt;
      &lt;translation&gt;(Small group: percentiles are not used.)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Pick best: a folder of one person's photos</translation>
    </message>
    <message>
      <source>Pick best: photos of one person</source>
      <translation>Pick best: photos of one person</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</source>
      <translation>Images (*.jpg *.jpeg *.png *.webp *.tif *.tiff *.bmp);;All files (*)</translation>
    </message>
    <message>
      <source>Pick best: a video</source>
      <translation>Pick best: a video</translation>
    </message>
    <message>
      <source>Videos (*.mp4 *.mov *.avi *.mkv *.webm *.m4v);;All files (*)</source>
      <translation>Videos (*.mp4 *.mov *.avi *.mkv *.webm *.m4v);;All files (*)</translation>
    </message>
    <message>
      <source>Save crop</source>
      <translation>Save crop</translation>
    </message>
    <message>
      <source>Images (*.jpg *.jpeg *.png)</source>
      <translation>Images (*.jpg *.jpeg *.png)</translation>
    </message>
    <message>
      <source>Could not write %1.</source>
      <translation>Could not write %1.</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::SettingsDialog</name>
    <message>
      <source>Preferences</source>
      <translation>Preferences</translation>
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
      <translation>engine default</translation>
    </message>
    <message>
      <source>&amp;Browse...</source>
      <translation>&amp;Browse...</translation>
    </message>
    <message>
      <source>&amp;Model file:</source>
      <translation>&amp;Model file:</translation>
    </message>
    <message>
      <source>Pass thresholds (score at or above passes)</source>
      <translation>Pass thresholds (score at or above passes)</translation>
    </message>
    <message>
      <source>Review</source>
      <translation>Review</translation>
    </message>
    <message>
      <source>&amp;Reviewer name:</source>
      <translation>&amp;Reviewer name:</translation>
    </message>
    <message>
      <source>&amp;Language:</source>
      <translation>&amp;Language:</translation>
    </message>
    <message>
      <source>A new language applies to dialogs at once and to the main window at the next start.</source>
      <translation>A new language applies to dialogs at once and to the main window at the next start.</translation>
    </message>
    <message>
      <source>%1 (not available in this build)</source>
      <translation>%1 (not available in this build)</translation>
    </message>
    <message>
      <source>The %1 engine needs a model file; it has no default model.</source>
      <translation>The %1 engine needs a model file; it has no default model.</translation>
    </message>
    <message>
      <source>The model file does not exist.</source>
      <translation>The model file does not exist.</translation>
    </message>
    <message>
      <source>The model path is not a file.</source>
      <translation>The model path is not a file.</translation>
    </message>
    <message>
      <source>The model file cannot be read.</source>
      <translation>The model file cannot be read.</translation>
    </message>
    <message>
      <source>The model file is empty.</source>
      <translation>The model file is empty.</translation>
    </message>
    <message>
      <source>The engine needs no model file.</source>
      <translation>The engine needs no model file.</translation>
    </message>
    <message>
      <source>OK: the model file is readable.</source>
      <translation>OK: the model file is readable.</translation>
    </message>
    <message>
      <source>Problem: %1</source>
      <translation>Problem: %1</translation>
    </message>
    <message>
      <source>Choose a model file</source>
      <translation>Choose a model file</translation>
    </message>
    <message>
      <source>Models (*.pt *.pth *.dat *.json);;All files (*)</source>
      <translation>Models (*.pt *.pth *.dat *.json);;All files (*)</translation>
    </message>
    <message>
      <source>The %1 engine cannot start with this model: %2</source>
      <translation>The %1 engine cannot start with this model: %2</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::TrainingCurves</name>
    <message>
      <source>Training loss</source>
      <translation>Training loss</translation>
    </message>
    <message>
      <source>Validation loss</source>
      <translation>Validation loss</translation>
    </message>
    <message>
      <source>Validation balanced accuracy</source>
      <translation>Validation balanced accuracy</translation>
    </message>
    <message>
      <source>Epoch</source>
      <translation>Epoch</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>Loss</translation>
    </message>
    <message>
      <source>Validation metric</source>
      <translation>Validation metric</translation>
    </message>
    <message>
      <source>No training run yet: the loss and validation curves appear here while a model trains (Tools &gt; Learn from corrections).</source>
      <translation>No training run yet: the loss and validation curves appear here while a model trains (Tools &gt; Learn from corrections).</translation>
    </message>
    <message numerus="yes">
      <source>No loss figures from this training run (%n step(s) done): the corrections head trains one attribute after another and reports no loss, so there is no curve to draw.</source>
      <translation>
        <numerusform>No loss figures from this training run (%n step done): the corrections head trains one attribute after another and reports no loss, so there is no curve to draw.</numerusform>
        <numerusform>No loss figures from this training run (%n steps done): the corrections head trains one attribute after another and reports no loss, so there is no curve to draw.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>hqa::Engine</name>
    <message>
      <source>no face found in the image</source>
      <translation>Save crop&lt;/source&gt;
      &lt;translation&gt;Save crop&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Images (*.jpg *.jpeg *.png)&lt;/source&gt;
      &lt;translation&gt;Images (*.jpg *.jpeg *.png)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Could not write %1.&lt;/source&gt;
      &lt;translation&gt;Could not write %1.&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::ui::SettingsDialog&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;Preferences&lt;/source&gt;
      &lt;translation&gt;Preferences&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Engine&lt;/source&gt;
      &lt;translation&gt;Engine&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Engine:&lt;/source&gt;
      &lt;translation&gt;&amp;Engine:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;engine default&lt;/source&gt;
      &lt;translation&gt;engine default&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Browse...&lt;/source&gt;
      &lt;translation&gt;&amp;Browse...&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Model file:&lt;/source&gt;
      &lt;translation&gt;&amp;Model file:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Pass thresholds (score at or above passes)&lt;/source&gt;
      &lt;translation&gt;Pass thresholds (score at or above passes)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Review&lt;/source&gt;
      &lt;translation&gt;Review&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Reviewer name:&lt;/source&gt;
      &lt;translation&gt;&amp;Reviewer name:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;&amp;Language:&lt;/source&gt;
      &lt;translation&gt;&amp;Language:&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;A new language applies to dialogs at once and to the main window at the next start.&lt;/source&gt;
      &lt;translation&gt;A new language applies to dialogs at once and to the main window at the next start.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;%1 (not available in this build)&lt;/source&gt;
      &lt;translation&gt;%1 (not available in this build)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The %1 engine needs a model file; it has no default model.&lt;/source&gt;
      &lt;translation&gt;The %1 engine needs a model file; it has no default model.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The model file does not exist.&lt;/source&gt;
      &lt;translation&gt;The model file does not exist.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The model path is not a file.&lt;/source&gt;
      &lt;translation&gt;The model path is not a file.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The model file cannot be read.&lt;/source&gt;
      &lt;translation&gt;The model file cannot be read.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The model file is empty.&lt;/source&gt;
      &lt;translation&gt;The model file is empty.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The engine needs no model file.&lt;/source&gt;
      &lt;translation&gt;The engine needs no model file.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;OK: the model file is readable.&lt;/source&gt;
      &lt;translation&gt;OK: the model file is readable.&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Problem: %1&lt;/source&gt;
      &lt;translation&gt;Problem: %1&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Choose a model file&lt;/source&gt;
      &lt;translation&gt;Choose a model file&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Models (*.pt *.pth *.dat *.json);;All files (*)&lt;/source&gt;
      &lt;translation&gt;Models (*.pt *.pth *.dat *.json);;All files (*)&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;The %1 engine cannot start with this model: %2&lt;/source&gt;
      &lt;translation&gt;The %1 engine cannot start with this model: %2&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::ui::TrainingCurves&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;Training loss&lt;/source&gt;
      &lt;translation&gt;Training loss&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Validation loss&lt;/source&gt;
      &lt;translation&gt;Validation loss&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Validation balanced accuracy&lt;/source&gt;
      &lt;translation&gt;Validation balanced accuracy&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Epoch&lt;/source&gt;
      &lt;translation&gt;Epoch&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Loss&lt;/source&gt;
      &lt;translation&gt;Loss&lt;/translation&gt;
    &lt;/message&gt;
    &lt;message&gt;
      &lt;source&gt;Validation metric&lt;/source&gt;
      &lt;translation&gt;Validation metric&lt;/translation&gt;
    &lt;/message&gt;
  &lt;/context&gt;
  &lt;context&gt;
    &lt;name&gt;hqa::Engine&lt;/name&gt;
    &lt;message&gt;
      &lt;source&gt;no face found in the image</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui</name>
    <message>
      <source>The file is not a readable image.</source>
      <translation>The file is not a readable image.</translation>
    </message>
    <message>
      <source>This image format is not supported.</source>
      <translation>This image format is not supported.</translation>
    </message>
    <message>
      <source>The image is too large to open safely.</source>
      <translation>The image is too large to open safely.</translation>
    </message>
    <message>
      <source>The image is too small to judge a headshot.</source>
      <translation>The image is too small to judge a headshot.</translation>
    </message>
    <message>
      <source>No face was found in the photo.</source>
      <translation>No face was found in the photo.</translation>
    </message>
    <message>
      <source>The file could not be read.</source>
      <translation>The file could not be read.</translation>
    </message>
    <message>
      <source>The assessment model could not be loaded.</source>
      <translation>The assessment model could not be loaded.</translation>
    </message>
    <message>
      <source>The request was not valid.</source>
      <translation>The request was not valid.</translation>
    </message>
    <message>
      <source>The assessment was cancelled.</source>
      <translation>The assessment was cancelled.</translation>
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
      <translation>B</translation>
    </message>
    <message>
      <source>A</source>
      <comment>Attire</comment>
      <translation>A</translation>
    </message>
    <message>
      <source>E</source>
      <comment>Expression</comment>
      <translation>E</translation>
    </message>
    <message>
      <source>F</source>
      <comment>Framing</comment>
      <translation>F</translation>
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
      <translation>All corrected and verified photos are in one folder, which stands for one person: the new model could not be checked on people it did not learn from. Keep each person's photos in a folder of their own.</translation>
    </message>
    <message>
      <source>There are no corrected or verified photos to learn from.</source>
      <translation>There are no corrected or verified photos to learn from.</translation>
    </message>
    <message>
      <source>Cannot create a temporary folder for the fine-tuning.</source>
      <translation>Cannot create a temporary folder for the fine-tuning.</translation>
    </message>
    <message>
      <source>Computing the photos' features</source>
      <translation>Computing the photos' features</translation>
    </message>
    <message>
      <source>Computing the features of the training people</source>
      <translation>Computing the features of the training people</translation>
    </message>
    <message>
      <source>Judging the held-out people with the current model</source>
      <translation>Judging the held-out people with the current model</translation>
    </message>
    <message>
      <source>Training the six heads</source>
      <translation>Training the six heads</translation>
    </message>
    <message>
      <source>Judging the held-out people with the fine-tuned model</source>
      <translation>Judging the held-out people with the fine-tuned model</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::Plots</name>
    <message>
      <source>Accuracy</source>
      <translation>Accuracy</translation>
    </message>
    <message>
      <source>Balanced accuracy</source>
      <translation>Balanced accuracy</translation>
    </message>
    <message>
      <source>Pass F1</source>
      <translation>Pass F1</translation>
    </message>
    <message>
      <source>Fail F1</source>
      <translation>Fail F1</translation>
    </message>
    <message>
      <source>Score</source>
      <translation>Score</translation>
    </message>
    <message>
      <source>%1: figures against threshold (%2 scored)</source>
      <translation>%1: figures against threshold (%2 scored)</translation>
    </message>
    <message>
      <source>Threshold (score at or above passes)</source>
      <translation>Threshold (score at or above passes)</translation>
    </message>
    <message>
      <source>current %1 (solid), best %2 (dash-dot)</source>
      <translation>current %1 (solid), best %2 (dash-dot)</translation>
    </message>
  </context>
</TS>