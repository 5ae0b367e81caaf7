<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>AgreementWindow</name>
    <message>
        <source>Agreement — {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pair of annotators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter or double click: open the document at the span</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Per label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} ({done} done)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotators:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Compute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick two or more annotators and a layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document {doc_id} is no longer in the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Agreement Report (a folder)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report folder (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the report to {target}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report was not written: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrote {count} files to {target}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Cannot open project</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Concordance</name>
    <message>
        <source>Search every document (hamza, tashkeel, ى/ي, ة/ه ignored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concordance query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlabelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index could not be built: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Building the search index: {done:,} of {total:,} documents… the search runs when it is ready</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Corpus</name>
    <message>
        <source>; {count} skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added {label} entities: {count} in {documents} document(s){skipped} (Ctrl+Z removes them all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>«{name}» is learned again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CorpusWiring</name>
    <message>
        <source>&amp;Corpus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Names Not Learned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Concordance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The search index is being built (progress in the Concordance panel); try again when it is ready.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Learn «{name}» Again</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Curation</name>
    <message>
        <source>{told} (Ctrl+Z undoes it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted the curated {kind} {key} as edited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document curated.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurationPanel</name>
    <message>
        <source>Disagreements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CurationWiring</name>
    <message>
        <source>Stop &amp;Curating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reopen the project on your own layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} — Curating as {annotator} — annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curating as {annotator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You edit the curated (gold) layer; the annotators&apos; layers are shown read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Curated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot list the disagreements: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No disagreement in this document.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Event</name>
    <message>
        <source>Select an event, then an entity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused: no role of {event_type} accepts a {label} entity (roles: {allowed}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an event first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Arguments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove argument</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Argument entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EventPicker</name>
    <message>
        <source>Event Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type to filter: attack, meet, هجوم…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event types</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter chooses · Esc cancels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find (ignores hamza forms, tashkeel, tatweel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Escape)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Identity</name>
    <message>
        <source>Who is annotating?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a name: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inspector</name>
    <message>
        <source>No annotation selected.
Click a highlighted span, or select text and press a label key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note (saved when you leave the field)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{start}–{end} · {count} characters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LabelAllDialog</name>
    <message>
        <source>Label all «{text}» as {label}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrences to label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Occurrences skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} to label as {label} (untick to leave one out):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} skipped:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label {ticked}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Layers</name>
    <message>
        <source>Copied {owner}&apos;s {label} span to your layer (Ctrl+Z removes the copy).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayersLegend</name>
    <message>
        <source>Other layers (read-only, outlined):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayersWiring</name>
    <message>
        <source>&amp;Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show {name}&apos;s annotations of this document, read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No other annotator&apos;s layer on this document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkWiring</name>
    <message>
        <source>Select the words that trigger the event first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinksPanel</name>
    <message>
        <source>Quotes, events and stances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a quote, event or stance, or mark one:
select text, then Quote (Ctrl+Shift+Q) or Event (Ctrl+Shift+E).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cue: {cue} ({cue_lemma})
Speaker: {speaker} — {speaker_reason}
Kind: {kind}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>{name} — {annotator} — annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every other document is done or skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another window or program changed this project; the view was reloaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo {action}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open another project file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New Project…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an empty project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import documents into this project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export as canonical JSONL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find in the document (folded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pr&amp;eferences…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Invisible Characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark joiners, bidi marks and tatweel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Character Mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label exactly the selected characters (no snapping to names)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start edge: one grapheme towards reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the start edge of the selected annotation (a quote&apos;s words or cue) one grapheme towards the reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start edge: one grapheme towards reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the start edge of the selected annotation (a quote&apos;s words or cue) one grapheme towards the reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start edge: one word towards reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the start edge of the selected annotation (a quote&apos;s words or cue) one word towards the reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start edge: one word towards reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the start edge of the selected annotation (a quote&apos;s words or cue) one word towards the reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End edge: one grapheme towards reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end edge of the selected annotation (a quote&apos;s words or cue) one grapheme towards the reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End edge: one grapheme towards reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end edge of the selected annotation (a quote&apos;s words or cue) one grapheme towards the reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End edge: one word towards reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end edge of the selected annotation (a quote&apos;s words or cue) one word towards the reading start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End edge: one word towards reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the end edge of the selected annotation (a quote&apos;s words or cue) one word towards the reading end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy to My Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the other annotator&apos;s span under the pointer (or clicked) to your layer (View ▸ Layers shows other layers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the selected words as a direct quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote &amp;Kind: Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct → indirect → mixed for the selected quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected speech verb becomes the selected quote&apos;s cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quote &amp;Edges: Words/Cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch the edge keys between the selected quote&apos;s words and its cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link &amp;Speaker…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click (or Enter on) the entity who speaks the selected quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link &amp;Nearest Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Link the most plausible speaker (the previous quote&apos;s for وأضاف)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker: &amp;Author</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The article&apos;s author speaks the selected quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker: &amp;Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Event…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected words trigger an event: choose its type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Argument…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click (or Enter on) the entity that fills a role of the selected event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;Polarity: Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;Modality: Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event &amp;Genericity: Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tance…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the stance form (holder from the selection)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;ggest Quotes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quotation marks near speech verbs become suggestions (not stored)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Store the selected suggestion as a quote (Enter in the editor too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject Suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget the selected suggestion (Delete in the editor too)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Schema…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit labels, kinds, topics and event types (a new schema version)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Agreement…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inter-annotator agreement of the documents two or more annotators marked done: figures, charts, disagreements, report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;uration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Curate…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Curate (a curator only): the curated layer becomes the one you edit, every annotator&apos;s layer is shown, disagreements are marked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next open disagreement of the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Disagreement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take Annotator &amp;1&apos;s Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take Annotator &amp;2&apos;s Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take Annotator &amp;3&apos;s Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing at this place in the curated layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accept as &amp;Edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decide the disagreement as you edited it in the curated layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark &amp;Skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark In &amp;Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Unfinished</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the documents assigned to you (annotator assign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assigned to me filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter titles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disagreements left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Entity labels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Preferences</name>
    <message>
        <source>Preferences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who annotates: changing it reopens the project as that annotator (their own layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best installed Naskh face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text font</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line spacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a name: {problem}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK reopens the project as {name}: you will see and edit {name}&apos;s layer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProjectFiles</name>
    <message>
        <source>Open Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects (*.annotator);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Projects (*.annotator)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Documents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Documents (*.txt *.md *.jsonl *.json *.html *.htm *.ann);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Canonical JSONL (*.jsonl)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was exported: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported {count} document(s) to {path}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Quote</name>
    <message>
        <source>Select a quote first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a quote first, then the speech verb, then mark it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The speaker must be an annotated entity of this document (or AUTHOR, or unknown).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No speaker in sight: click one (Link Speaker) or choose AUTHOR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker linked ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This quote has no cue yet: select the speech verb and mark it (Ctrl+Shift+C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edge keys now move the quote&apos;s {part}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That edge cannot move further.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QuotePage</name>
    <message>
        <source>Quote kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick in text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nearest speaker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundaries of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Boundaries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quoted words or cue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edges of</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <source>Edit Schema</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Save would refuse is shown here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename a name in place to relabel its annotations; Save stores a new schema version (Edit ▸ Undo reverts it).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stance</name>
    <message>
        <source>Select a stance first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StanceForm</name>
    <message>
        <source>Pick</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add stance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Annotator: {annotator}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You see and edit this annotator&apos;s layer (Edit ▸ Preferences changes it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offset {position} · Line {line}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project: {done} / {total} done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Picking: {picking}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Character mode</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Suggestion</name>
    <message>
        <source>{count} suggested quote(s): Enter accepts, Delete rejects.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quotation marks near a speech verb: nothing to suggest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a suggested quote first (Suggest Quotes finds them).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
