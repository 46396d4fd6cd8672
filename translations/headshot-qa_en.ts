<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>hqa::ui::AssessmentWorker</name>
    <message>
      <source>No project is open.</source>
      <translation>No project is open.</translation>
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
      <source>agrees</source>
      <translation>agrees</translation>
    </message>
    <message>
      <source>differs: %1</source>
      <translation>differs: %1</translation>
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
      <source>The head could not be registered: %1</source>
      <translation>The head could not be registered: %1</translation>
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
      <source>Undid the change of %1.</source>
      <translation>Undid the change of %1.</translation>
    </message>
    <message>
      <source>Redid the change of %1.</source>
      <translation>Redid the change of %1.</translation>
    </message>
    <message>
      <source>Undid the golden-label change.</source>
      <translation>Undid the golden-label change.</translation>
    </message>
    <message>
      <source>Redid the golden-label change.</source>
      <translation>Redid the golden-label change.</translation>
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
    <message>
      <source>Against the golden labels</source>
      <translation>Against the golden labels</translation>
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
  </context>
  <context>
    <name>hqa::ui::PhotoViewer</name>
    <message>
      <source>Photo viewer</source>
      <translation>Photo viewer</translation>
    </message>
    <message>
      <source>Loading…</source>
      <translation>Loading…</translation>
    </message>
    <message>
      <source>Select a photo</source>
      <translation>Select a photo</translation>
    </message>
  </context>
  <context>
    <name>hqa::ui::PickBestView</name>
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
      <source>Open a folder, photos or a video to pick the best face.</source>
      <translation>Open a folder, photos or a video to pick the best face.</translation>
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
      <source>(Small group: percentiles are not used.)</source>
      <translation>(Small group: percentiles are not used.)</translation>
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
      <source>The engine's default model is used.</source>
      <translation>The engine's default model is used.</translation>
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