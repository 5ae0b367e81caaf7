<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
    <context>
        <name>Action</name>
        <message>
            <source>Add {label} entity</source>
            <translation>إضافة كيان {label}</translation>
        </message>
        <message>
            <source>Delete {label} entity</source>
            <translation>حذف كيان {label}</translation>
        </message>
        <message>
            <source>Resize {label} entity</source>
            <translation>تغيير حدود كيان {label}</translation>
        </message>
        <message>
            <source>Relabel {old} → {new}</source>
            <translation>تغيير الوسم {old} ← {new}</translation>
        </message>
        <message>
            <source>Set {label} attributes</source>
            <translation>ضبط خصائص {label}</translation>
        </message>
        <message>
            <source>Add {type} event</source>
            <translation>إضافة حدث {type}</translation>
        </message>
        <message>
            <source>Delete {type} event</source>
            <translation>حذف حدث {type}</translation>
        </message>
        <message>
            <source>Add {role} argument</source>
            <translation>إضافة مشارك {role}</translation>
        </message>
        <message>
            <source>Remove {role} argument</source>
            <translation>إزالة مشارك {role}</translation>
        </message>
        <message>
            <source>Add {label} stance</source>
            <translation>إضافة موقف {label}</translation>
        </message>
        <message>
            <source>Delete {label} stance</source>
            <translation>حذف موقف {label}</translation>
        </message>
        <message>
            <source>Set stance {label}</source>
            <translation>ضبط الموقف {label}</translation>
        </message>
        <message>
            <source>Add quote</source>
            <translation>إضافة اقتباس</translation>
        </message>
        <message>
            <source>Edit quote</source>
            <translation>تعديل اقتباس</translation>
        </message>
        <message>
            <source>Delete quote</source>
            <translation>حذف اقتباس</translation>
        </message>
        <message>
            <source>Add document note</source>
            <translation>إضافة ملاحظة على المستند</translation>
        </message>
        <message>
            <source>Edit note</source>
            <translation>تعديل ملاحظة</translation>
        </message>
        <message>
            <source>Set label {key}</source>
            <translation>ضبط وسم المستند {key}</translation>
        </message>
        <message>
            <source>Clear label {key}</source>
            <translation>مسح وسم المستند {key}</translation>
        </message>
        <message>
            <source>Mark {status}</source>
            <translation>تعليم الحالة {status}</translation>
        </message>
        <message>
            <source>Decide {kind} {key}</source>
            <translation>حسم {kind} {key}</translation>
        </message>
        <message>
            <source>Curation state</source>
            <translation>حالة التنقيح</translation>
        </message>
        <message>
            <source>Curate document {doc} ({policy})</source>
            <translation>تنقيح المستند {doc} ({policy})</translation>
        </message>
        <message>
            <source>Label all «{text}» as {label}</source>
            <translation>وسم كل «{text}» بـ {label}</translation>
        </message>
        <message>
            <source>Pre-annotate from gazetteer</source>
            <translation>توسيم مسبق من قائمة الأسماء</translation>
        </message>
        <message>
            <source>Accept {count} suggested {label}</source>
            <translation>قبول اقتراحات {label}، وعددها {count}</translation>
        </message>
        <message>
            <source>Apply schema version {version}{rest}</source>
            <translation>تطبيق نسخة المخطط {version}{rest}</translation>
        </message>
        <message>
            <source>Merge package {name} ({layers})</source>
            <translation>دمج الحزمة {name} ({layers})</translation>
        </message>
    </context>
    <context>
        <name>Agreement</name>
        <message>
            <source>no charts: {error}</source>
            <translation>لا رسوم بيانية: {error}</translation>
        </message>
        <message>
            <source>agreement failed: {kind}: {error}</source>
            <translation>تعذّر حساب الاتفاق: {kind}: {error}</translation>
        </message>
        <message>
            <source>label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <source>kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>in context</source>
            <translation>في السياق</translation>
        </message>
        <message>
            <source>layer</source>
            <translation>الطبقة</translation>
        </message>
        <message>
            <source>figure</source>
            <translation>المقياس</translation>
        </message>
        <message>
            <source>annotators</source>
            <translation>الموسِّمون</translation>
        </message>
        <message>
            <source>value</source>
            <translation>القيمة</translation>
        </message>
    </context>
    <context>
        <name>AgreementWindow</name>
        <message>
            <source>Agreement — {name}</source>
            <translation>الاتفاق — {name}</translation>
        </message>
        <message>
            <source>Pair:</source>
            <translation>الزوج:</translation>
        </message>
        <message>
            <source>Pair of annotators</source>
            <translation>زوج الموسِّمين</translation>
        </message>
        <message>
            <source>Enter or double click: open the document at the span</source>
            <translation>نقر مزدوج أو Enter: يفتح المستند عند المقطع</translation>
        </message>
        <message>
            <source>Figures</source>
            <translation>الأرقام</translation>
        </message>
        <message>
            <source>Per label</source>
            <translation>لكل وسم</translation>
        </message>
        <message>
            <source>Charts</source>
            <translation>الرسوم البيانية</translation>
        </message>
        <message>
            <source>Disagreements</source>
            <translation>الخلافات</translation>
        </message>
        <message>
            <source>Save Report…</source>
            <translation>حفظ التقرير…</translation>
        </message>
        <message>
            <source>{name} ({done} done)</source>
            <translation>{name} ({done} منجَز)</translation>
        </message>
        <message>
            <source>Annotators:</source>
            <translation>الموسِّمون:</translation>
        </message>
        <message>
            <source>Layers:</source>
            <translation>الطبقات:</translation>
        </message>
        <message>
            <source>Compute</source>
            <translation>احسب</translation>
        </message>
        <message>
            <source>Tick two or more annotators and a layer.</source>
            <translation>اختر موسِّمَين أو أكثر وطبقة.</translation>
        </message>
        <message>
            <source>Comparing…</source>
            <translation>جارٍ المقارنة…</translation>
        </message>
        <message>
            <source>Cancelled.</source>
            <translation>أُلغي.</translation>
        </message>
        <message>
            <source>{count} shared documents (done by two or more of {annotators}); </source>
            <translation>المستندات المشتركة: {count} (أنجزها اثنان أو أكثر من {annotators})؛ </translation>
        </message>
        <message>
            <source>Document {doc_id} is no longer in the project.</source>
            <translation>المستند {doc_id} لم يعد في المشروع.</translation>
        </message>
        <message>
            <source>Save Agreement Report (a folder)</source>
            <translation>حفظ تقرير الاتفاق (مجلد)</translation>
        </message>
        <message>
            <source>Report folder (*)</source>
            <translation>مجلد التقرير (*)</translation>
        </message>
        <message>
            <source>Writing the report to {target}…</source>
            <translation>جارٍ كتابة التقرير في {target}…</translation>
        </message>
        <message>
            <source>The report was not written: {error}</source>
            <translation>لم يُكتب التقرير: {error}</translation>
        </message>
        <message>
            <source>Wrote {count} files to {target}.</source>
            <translation>كُتب {count} ملفًا في {target}.</translation>
        </message>
    </context>
    <context>
        <name>AnnotatorName</name>
        <message>
            <source>the name is empty</source>
            <translation>الاسم فارغ</translation>
        </message>
        <message>
            <source>the name is longer than {count} characters</source>
            <translation>الاسم أطول من {count} حرفًا</translation>
        </message>
        <message>
            <source>the name holds a control or formatting character</source>
            <translation>في الاسم محرف تحكّم أو تنسيق</translation>
        </message>
    </context>
    <context>
        <name>App</name>
        <message>
            <source>Cannot open project</source>
            <translation>تعذّر فتح المشروع</translation>
        </message>
        <message>
            <source>Reopened {file} as {name}: you see and edit {name}'s layer (was {old}'s).</source>
            <translation>أُعيد فتح {file} باسم {name}: ترى طبقة {name} وتحرّرها (وكانت طبقة {old}).</translation>
        </message>
        <message>
            <source>Curating {file} as {name}: F8 next disagreement, Alt+1/2/3 take, Alt+0 reject, Ctrl+Enter curated.</source>
            <translation>تنقيح {file} باسم {name}: F8 الخلاف التالي، Alt+1/2/3 اعتماد، Alt+0 رفض، Ctrl+Enter منقَّح.</translation>
        </message>
        <message>
            <source>Stopped curating: you see and edit {name}'s own layer.</source>
            <translation>توقّف التنقيح: ترى طبقة {name} نفسها وتحرّرها.</translation>
        </message>
    </context>
    <context>
        <name>Choices</name>
        <message>
            <source>— unknown —</source>
            <translation>— مجهول —</translation>
        </message>
    </context>
    <context>
        <name>Concordance</name>
        <message>
            <source>Search every document (hamza, tashkeel, ى/ي, ة/ه ignored)</source>
            <translation>ابحث في كل المستندات (تُتجاهَل الهمزة والتشكيل وى/ي وة/ه)</translation>
        </message>
        <message>
            <source>Concordance query</source>
            <translation>عبارة البحث في الكشّاف</translation>
        </message>
        <message>
            <source>Match</source>
            <translation>المطابقة</translation>
        </message>
        <message>
            <source>Before</source>
            <translation>قبل</translation>
        </message>
        <message>
            <source>After</source>
            <translation>بعد</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>المستند</translation>
        </message>
        <message>
            <source>no label</source>
            <translation>بلا وسم</translation>
        </message>
        <message>
            <source>Whole words</source>
            <translation>كلمات كاملة</translation>
        </message>
        <message>
            <source>Substring</source>
            <translation>جزء من كلمة</translation>
        </message>
        <message>
            <source>Regex</source>
            <translation>تعبير نمطي</translation>
        </message>
        <message>
            <source>Label filter</source>
            <translation>تصفية حسب الوسم</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>بحث</translation>
        </message>
        <message>
            <source>Concordance</source>
            <translation>الكشّاف السياقي</translation>
        </message>
        <message>
            <source>Any label</source>
            <translation>أي وسم</translation>
        </message>
        <message>
            <source>Unlabelled</source>
            <translation>بلا وسم</translation>
        </message>
        <message>
            <source>The search index could not be built: {error}</source>
            <translation>تعذّر بناء فهرس البحث: {error}</translation>
        </message>
        <message>
            <source>Building the search index: {done:,} of {total:,} documents… the search runs when it is ready</source>
            <translation>جارٍ بناء فهرس البحث: {done:,} من {total:,} مستند… يجري البحث حين يكتمل</translation>
        </message>
        <message>
            <source>{count} match</source>
            <translation>المطابقات: {count}</translation>
        </message>
        <message>
            <source>{count} matches</source>
            <translation>المطابقات: {count}</translation>
        </message>
        <message>
            <source>{count}+ (scroll for more) matches</source>
            <translation>المطابقات: {count}+ (مرِّر للمزيد)</translation>
        </message>
        <message>
            <source> · Enter opens, a label key labels the selected rows</source>
            <translation> · Enter يفتح، ومفتاح الوسم يسِم الصفوف المحدَّدة</translation>
        </message>
    </context>
    <context>
        <name>Corpus</name>
        <message>
            <source>not a whole word (inside a longer word, or a proclitic the rule keeps)</source>
            <translation>ليست كلمة كاملة (داخل كلمة أطول، أو سابقة تُبقيها القاعدة)</translation>
        </message>
        <message>
            <source>Select an entity first: its text and label are labelled everywhere.</source>
            <translation>اختر كيانًا أولًا: يُوسَم نصه بوسمه في كل موضع.</translation>
        </message>
        <message>
            <source>Select concordance rows first.</source>
            <translation>اختر صفوفًا من الكشّاف أولًا.</translation>
        </message>
        <message>
            <source>Nothing to label as {label} ({count} skipped).</source>
            <translation>لا شيء يُوسَم بـ {label} (تُرك {count}).</translation>
        </message>
        <message>
            <source>Nothing to label as {label}.</source>
            <translation>لا شيء يُوسَم بـ {label}.</translation>
        </message>
        <message>
            <source>; {count} skipped</source>
            <translation>؛ وتُرك {count}</translation>
        </message>
        <message>
            <source>Added {count} {label} entity in {documents} document</source>
            <translation>أُضيف كيان {label} واحد: {count} في مستند واحد ({documents})</translation>
        </message>
        <message>
            <source>Added {count} {label} entity in {documents} documents</source>
            <translation>أُضيفت كيانات {label}: {count} في {documents} من المستندات</translation>
        </message>
        <message>
            <source>Added {count} {label} entities in {documents} document</source>
            <translation>أُضيفت كيانات {label}: {count} في مستند واحد ({documents})</translation>
        </message>
        <message>
            <source>Added {count} {label} entities in {documents} documents</source>
            <translation>أُضيفت كيانات {label}: {count} في {documents} من المستندات</translation>
        </message>
        <message>
            <source> (Ctrl+Z removes them all).</source>
            <translation> (Ctrl+Z يزيلها كلها).</translation>
        </message>
        <message>
            <source>Select an entity whose name must not be learned.</source>
            <translation>اختر كيانًا لا يجوز تعلّم اسمه.</translation>
        </message>
        <message>
            <source>«{name}» is no longer learned.</source>
            <translation>لم يعد «{name}» يُتعلَّم.</translation>
        </message>
        <message>
            <source>«{name}» is no longer learned (it was already off).</source>
            <translation>لم يعد «{name}» يُتعلَّم (كان موقوفًا من قبل).</translation>
        </message>
        <message>
            <source>«{name}» is learned again.</source>
            <translation>عاد تعلّم «{name}».</translation>
        </message>
    </context>
    <context>
        <name>CorpusWiring</name>
        <message>
            <source>&amp;Corpus</source>
            <translation>م&amp;دونة</translation>
        </message>
        <message>
            <source>&amp;Concordance…</source>
            <translation>الكشّاف السياقي…</translation>
        </message>
        <message>
            <source>Search every document (keyword in context)</source>
            <translation>ابحث في كل المستندات (الكلمة في سياقها)</translation>
        </message>
        <message>
            <source>&amp;Label All Occurrences…</source>
            <translation>وسم كل المواضع…</translation>
        </message>
        <message>
            <source>Label every occurrence of the selected entity's text with its label (preview first)</source>
            <translation>سِم كل مواضع نص الكيان المحدَّد بوسمه (بعد معاينة)</translation>
        </message>
        <message>
            <source>&amp;Don't Learn This Name</source>
            <translation>لا تتعلّم هذا الاسم</translation>
        </message>
        <message>
            <source>The selected entity's text is no longer evidence for snapping off proclitics</source>
            <translation>لا يعود نص الكيان المحدَّد شاهدًا لفصل السوابق</translation>
        </message>
        <message>
            <source>&amp;Names Not Learned</source>
            <translation>أسماء لا تُتعلَّم</translation>
        </message>
        <message>
            <source>Concordance</source>
            <translation>الكشّاف السياقي</translation>
        </message>
        <message>
            <source>The search index is being built (progress in the Concordance panel); try again when it is ready.</source>
            <translation>فهرس البحث قيد البناء (التقدّم في لوحة الكشّاف السياقي)؛ أعد المحاولة حين يكتمل.</translation>
        </message>
        <message>
            <source>Nothing to add for «{text}»: {reasons}</source>
            <translation>لا شيء يُضاف لـ«{text}»: {reasons}</translation>
        </message>
        <message>
            <source>Nothing to add for «{text}».</source>
            <translation>لا شيء يُضاف لـ«{text}».</translation>
        </message>
        <message>
            <source>(none)</source>
            <translation>(لا شيء)</translation>
        </message>
        <message>
            <source>Learn «{name}» Again</source>
            <translation>تعلّم «{name}» من جديد</translation>
        </message>
    </context>
    <context>
        <name>Curation</name>
        <message>
            <source>No disagreement chosen: F8 goes to the next one.</source>
            <translation>لم يُختر خلاف: F8 ينتقل إلى الخلاف التالي.</translation>
        </message>
        <message>
            <source>No annotator {digit} here: this document is curated from {count} annotators.</source>
            <translation>لا موسِّم برقم {digit} هنا: يُنقَّح هذا المستند من {count} موسِّمين.</translation>
        </message>
        <message>
            <source>Rejected {kind} {key}</source>
            <translation>رُفض {kind} {key}</translation>
        </message>
        <message>
            <source>Took {annotator}'s {kind} {key}</source>
            <translation>اعتُمد {kind} {key} من {annotator}</translation>
        </message>
        <message>
            <source>{told} (Ctrl+Z undoes it).</source>
            <translation>{told} (Ctrl+Z يتراجع عنه).</translation>
        </message>
        <message>
            <source>Accepted the curated {kind} {key} as edited.</source>
            <translation>قُبل {kind} {key} المنقَّح كما حُرِّر.</translation>
        </message>
        <message>
            <source>Document curated.</source>
            <translation>نُقِّح المستند.</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>كيان</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>اقتباس</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>حدث</translation>
        </message>
        <message>
            <source>Stance</source>
            <translation>موقف</translation>
        </message>
        <message>
            <source>Doc label</source>
            <translation>وسم المستند</translation>
        </message>
        <message>
            <source>open</source>
            <translation>مفتوح</translation>
        </message>
        <message>
            <source>open (partial)</source>
            <translation>مفتوح (جزئي)</translation>
        </message>
        <message>
            <source>agreed</source>
            <translation>متَّفق عليه</translation>
        </message>
        <message>
            <source>taken</source>
            <translation>معتمَد</translation>
        </message>
        <message>
            <source>rejected</source>
            <translation>مرفوض</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>محرَّر</translation>
        </message>
    </context>
    <context>
        <name>CurationPanel</name>
        <message>
            <source>F8 / Shift+F8 next / previous · Alt+1/2/3 take that annotator's · Alt+0 reject · Ctrl+Alt+Enter accept as edited · Ctrl+Enter curated</source>
            <translation>التالي / السابق F8 / Shift+F8 · اعتماد نسخة ذلك الموسِّم Alt+1/2/3 · رفض Alt+0 · قبول كما حُرِّر Ctrl+Alt+Enter · منقَّح Ctrl+Enter</translation>
        </message>
        <message>
            <source>Disagreements</source>
            <translation>الخلافات</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>النص</translation>
        </message>
        <message>
            <source>State</source>
            <translation>الحالة</translation>
        </message>
        <message>
            <source>{left} open of {count} disagreements</source>
            <translation>المفتوح {left} من {count} خلافات</translation>
        </message>
        <message>
            <source>No disagreement in this document</source>
            <translation>لا خلاف في هذا المستند</translation>
        </message>
    </context>
    <context>
        <name>CurationWiring</name>
        <message>
            <source>Stop &amp;Curating</source>
            <translation>إيقاف التنقيح</translation>
        </message>
        <message>
            <source>Reopen the project on your own layer</source>
            <translation>أعد فتح المشروع على طبقتك</translation>
        </message>
        <message>
            <source>{name} — Curating as {annotator} — annotator</source>
            <translation>{name} — تنقيح باسم {annotator} — annotator</translation>
        </message>
        <message>
            <source>Curating as {annotator}</source>
            <translation>تنقيح باسم {annotator}</translation>
        </message>
        <message>
            <source>You edit the curated (gold) layer; the annotators' layers are shown read-only</source>
            <translation>أنت تحرّر الطبقة المنقَّحة (الذهبية)؛ تُعرض طبقات الموسِّمين للقراءة فقط</translation>
        </message>
        <message>
            <source>Curation</source>
            <translation>التنقيح</translation>
        </message>
        <message>
            <source>Mark &amp;Curated</source>
            <translation>تعليم كمنقَّح</translation>
        </message>
        <message>
            <source>Cannot list the disagreements: {error}</source>
            <translation>تعذّر سرد الخلافات: {error}</translation>
        </message>
        <message>
            <source>Curation: {curated} curated of {documents} in curation · {left} with disagreements left ({open} open)</source>
            <translation>التنقيح: نُقِّح {curated} من {documents} · بقيت خلافات في {left} ({open} مفتوحة)</translation>
        </message>
        <message>
            <source>No disagreement in this document.</source>
            <translation>لا خلاف في هذا المستند.</translation>
        </message>
    </context>
    <context>
        <name>Docks</name>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Annotation</source>
            <translation>التوسيم</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Links</source>
            <translation>الروابط</translation>
        </message>
        <message>
            <source>Document</source>
            <translation>المستند</translation>
        </message>
    </context>
    <context>
        <name>Documents</name>
        <message>
            <source>To do</source>
            <translation>للإنجاز</translation>
        </message>
        <message>
            <source>In progress</source>
            <translation>قيد العمل</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>منجَز</translation>
        </message>
        <message>
            <source>Skipped</source>
            <translation>متروك</translation>
        </message>
    </context>
    <context>
        <name>EdgeButtons</name>
        <message>
            <source>annotation</source>
            <translation>التوسيم</translation>
        </message>
        <message>
            <source>Start edge</source>
            <translation>حدّ البداية</translation>
        </message>
        <message>
            <source>End edge</source>
            <translation>حدّ النهاية</translation>
        </message>
        <message>
            <source>Move the start edge of the {what} one word towards the reading end</source>
            <translation>حرّك حدّ البداية لـ{what} كلمةً نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the {what} one grapheme towards the reading end</source>
            <translation>حرّك حدّ البداية لـ{what} وحدةً كتابية نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the {what} one grapheme towards the reading start</source>
            <translation>حرّك حدّ البداية لـ{what} وحدةً كتابية نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the {what} one word towards the reading start</source>
            <translation>حرّك حدّ البداية لـ{what} كلمةً نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the {what} one word towards the reading end</source>
            <translation>حرّك حدّ النهاية لـ{what} كلمةً نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the {what} one grapheme towards the reading end</source>
            <translation>حرّك حدّ النهاية لـ{what} وحدةً كتابية نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the {what} one grapheme towards the reading start</source>
            <translation>حرّك حدّ النهاية لـ{what} وحدةً كتابية نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the {what} one word towards the reading start</source>
            <translation>حرّك حدّ النهاية لـ{what} كلمةً نحو بداية القراءة</translation>
        </message>
    </context>
    <context>
        <name>EditorKeys</name>
        <message>
            <source>Cancelled.</source>
            <translation>أُلغي.</translation>
        </message>
        <message>
            <source>Put the cursor on an entity, or click one.</source>
            <translation>ضع المؤشر على كيان، أو انقر واحدًا.</translation>
        </message>
    </context>
    <context>
        <name>Entity</name>
        <message>
            <source>Select some text or an annotation first.</source>
            <translation>اختر نصًّا أو توسيمًا أولًا.</translation>
        </message>
        <message>
            <source>The selection holds no text to annotate.</source>
            <translation>لا يحوي التحديد نصًّا يُوسَم.</translation>
        </message>
        <message>
            <source>Only an entity takes a label: select text to add one, or click an entity to relabel it.</source>
            <translation>الوسم للكيانات وحدها: حدّد نصًّا لإضافة كيان، أو انقر كيانًا لتغيير وسمه.</translation>
        </message>
        <message>
            <source>That edge cannot move further.</source>
            <translation>لا يمكن تحريك هذا الحدّ أكثر.</translation>
        </message>
    </context>
    <context>
        <name>Event</name>
        <message>
            <source>Select an event, then an entity.</source>
            <translation>اختر حدثًا ثم كيانًا.</translation>
        </message>
        <message>
            <source>Refused: no role of {event_type} accepts a {label} entity (roles: {allowed}).</source>
            <translation>مرفوض: لا دور في {event_type} يقبل كيانًا من نوع {label} (الأدوار: {allowed}).</translation>
        </message>
        <message>
            <source>Select an event first.</source>
            <translation>اختر حدثًا أولًا.</translation>
        </message>
    </context>
    <context>
        <name>EventPage</name>
        <message>
            <source>Type</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Arguments</source>
            <translation>المشاركون</translation>
        </message>
        <message>
            <source>Remove argument</source>
            <translation>إزالة المشارك</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
        <message>
            <source>Argument entity</source>
            <translation>كيان المشارك</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>إضافة</translation>
        </message>
        <message>
            <source>Pick in text</source>
            <translation>اختر من النص</translation>
        </message>
        <message>
            <source>New role</source>
            <translation>دور جديد</translation>
        </message>
        <message>
            <source>Entity</source>
            <translation>الكيان</translation>
        </message>
        <message>
            <source>Choose the argument to remove.</source>
            <translation>اختر المشارك الذي تريد إزالته.</translation>
        </message>
        <message>
            <source>Choose a role and an entity.</source>
            <translation>اختر دورًا وكيانًا.</translation>
        </message>
    </context>
    <context>
        <name>EventPicker</name>
        <message>
            <source>Event Type</source>
            <translation>نوع الحدث</translation>
        </message>
        <message>
            <source>Type to filter: attack, meet, هجوم…</source>
            <translation>اكتب للتصفية: هجوم، لقاء، attack…</translation>
        </message>
        <message>
            <source>Filter event types</source>
            <translation>تصفية أنواع الأحداث</translation>
        </message>
        <message>
            <source>Event types</source>
            <translation>أنواع الأحداث</translation>
        </message>
        <message>
            <source>Enter chooses · Esc cancels</source>
            <translation>للاختيار Enter · للإلغاء Esc</translation>
        </message>
        <message>
            <source>{description}
Roles: {roles}</source>
            <translation>{description}
الأدوار: {roles}</translation>
        </message>
    </context>
    <context>
        <name>FindBar</name>
        <message>
            <source>Find (ignores hamza forms, tashkeel, tatweel)</source>
            <translation>بحث (يتجاهل صور الهمزة والتشكيل والتطويل)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>بحث</translation>
        </message>
        <message>
            <source>Previous</source>
            <translation>السابق</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter)</source>
            <translation>المطابقة السابقة (Shift+Enter)</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>التالي</translation>
        </message>
        <message>
            <source>Next match (Enter)</source>
            <translation>المطابقة التالية (Enter)</translation>
        </message>
        <message>
            <source>Close (Escape)</source>
            <translation>إغلاق (Escape)</translation>
        </message>
        <message>
            <source>Find:</source>
            <translation>بحث:</translation>
        </message>
        <message>
            <source>No matches</source>
            <translation>لا مطابقات</translation>
        </message>
        <message>
            <source>{current} of {count}</source>
            <translation>{current} من {count}</translation>
        </message>
    </context>
    <context>
        <name>Identity</name>
        <message>
            <source>Your name as an annotator. Your annotations, statuses and undo history are kept
in your own layer of each project; other annotators' layers stay theirs.</source>
            <translation>اسمك موسِّمًا. توسيماتك وحالاتك وسجل التراجع تُحفظ
في طبقتك الخاصة في كل مشروع؛ وطبقات الموسِّمين الآخرين تبقى لهم.</translation>
        </message>
        <message>
            <source>Who is annotating?</source>
            <translation>من يوسِّم؟</translation>
        </message>
        <message>
            <source>Not a name: {problem}.</source>
            <translation>ليس اسمًا: {problem}.</translation>
        </message>
    </context>
    <context>
        <name>Inspector</name>
        <message>
            <source>No annotation selected.
Click a highlighted span, or select text and press a label key.</source>
            <translation>لا توسيم محدَّد.
انقر مقطعًا مظلَّلًا، أو حدّد نصًّا واضغط مفتاح وسم.</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Note (saved when you leave the field)</source>
            <translation>ملاحظة (تُحفظ حين تغادر الحقل)</translation>
        </message>
        <message>
            <source>Delete annotation</source>
            <translation>حذف التوسيم</translation>
        </message>
        <message>
            <source>Boundaries</source>
            <translation>الحدود</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>ملاحظة</translation>
        </message>
        <message>
            <source>{none} (default {default})</source>
            <translation>{none} (الافتراضي {default})</translation>
        </message>
        <message>
            <source>{start}–{end} · {count} characters</source>
            <translation>{start}–{end} · {count} حرفًا</translation>
        </message>
    </context>
    <context>
        <name>LabelAllDialog</name>
        <message>
            <source>Label all «{text}» as {label}</source>
            <translation>وسم كل «{text}» بـ {label}</translation>
        </message>
        <message>
            <source>Occurrences to label</source>
            <translation>المواضع التي ستُوسَم</translation>
        </message>
        <message>
            <source>Occurrences skipped</source>
            <translation>المواضع المتروكة</translation>
        </message>
        <message>
            <source>{count} to label as {label} (untick to leave one out):</source>
            <translation>ستُوسَم بـ {label}: {count} (أزل العلامة لترك أحدها):</translation>
        </message>
        <message>
            <source>{count} skipped:</source>
            <translation>تُرك {count}:</translation>
        </message>
        <message>
            <source>Label {ticked}</source>
            <translation>وسم {ticked}</translation>
        </message>
    </context>
    <context>
        <name>Layers</name>
        <message>
            <source>Point at (or click) another annotator's span to copy it to your layer.</source>
            <translation>أشر إلى مقطع موسِّم آخر (أو انقره) لنسخه إلى طبقتك.</translation>
        </message>
        <message>
            <source>Your layer already has this {label} span.</source>
            <translation>في طبقتك هذا المقطع {label} من قبل.</translation>
        </message>
        <message>
            <source>Copied {owner}'s {label} span to your layer (Ctrl+Z removes the copy).</source>
            <translation>نُسخ مقطع {label} من طبقة {owner} إلى طبقتك (Ctrl+Z يزيل النسخة).</translation>
        </message>
    </context>
    <context>
        <name>LayersLegend</name>
        <message>
            <source>Other layers (read-only, outlined):</source>
            <translation>طبقات أخرى (للقراءة فقط، بإطار):</translation>
        </message>
        <message>
            <source>{hidden} other annotator layer(s) on this document: View ▸ Layers shows them</source>
            <translation>طبقات موسِّمين آخرين على هذا المستند: {hidden}؛ عرض ◂ الطبقات يُظهرها</translation>
        </message>
    </context>
    <context>
        <name>LayersWiring</name>
        <message>
            <source>&amp;Layers</source>
            <translation>الطبقات</translation>
        </message>
        <message>
            <source>Show {name}'s annotations of this document, read-only</source>
            <translation>اعرض توسيمات {name} لهذا المستند، للقراءة فقط</translation>
        </message>
        <message>
            <source>No other annotator's layer on this document</source>
            <translation>لا طبقة لموسِّم آخر على هذا المستند</translation>
        </message>
    </context>
    <context>
        <name>LinkWiring</name>
        <message>
            <source>Select the words that trigger the event first.</source>
            <translation>حدّد أولًا الكلمات التي تُطلق الحدث.</translation>
        </message>
        <message>
            <source>Role</source>
            <translation>الدور</translation>
        </message>
    </context>
    <context>
        <name>Links</name>
        <message>
            <source> + {count} other</source>
            <translation> + {count} لغيرك</translation>
        </message>
        <message>
            <source>
({annotator}'s layer: read-only)</source>
            <translation>
(طبقة {annotator}: للقراءة فقط)</translation>
        </message>
        <message>
            <source>Quotes</source>
            <translation>الاقتباسات</translation>
        </message>
        <message>
            <source>Events</source>
            <translation>الأحداث</translation>
        </message>
        <message>
            <source>Stances</source>
            <translation>المواقف</translation>
        </message>
        <message>
            <source>Suggested Quotes</source>
            <translation>الاقتباسات المقترحة</translation>
        </message>
    </context>
    <context>
        <name>LinksPanel</name>
        <message>
            <source>Quotes, events and stances</source>
            <translation>الاقتباسات والأحداث والمواقف</translation>
        </message>
        <message>
            <source>Select a quote, event or stance, or mark one:
select text, then Quote (Ctrl+Shift+Q) or Event (Ctrl+Shift+E).</source>
            <translation>اختر اقتباسًا أو حدثًا أو موقفًا، أو علِّم واحدًا:
حدّد نصًّا ثم اقتباس (Ctrl+Shift+Q) أو حدث (Ctrl+Shift+E).</translation>
        </message>
        <message>
            <source>Accept (Enter)</source>
            <translation>قبول (Enter)</translation>
        </message>
        <message>
            <source>Reject (Delete)</source>
            <translation>رفض (Delete)</translation>
        </message>
        <message>
            <source>Cue: {cue} ({cue_lemma})
Speaker: {speaker} — {speaker_reason}
Kind: {kind}</source>
            <translation>فعل القول: {cue} ({cue_lemma})
القائل: {speaker} — {speaker_reason}
النوع: {kind}</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>{name} — {annotator} — annotator</source>
            <translation>{name} — {annotator} — annotator</translation>
        </message>
        <message>
            <source>Every other document is done or skipped.</source>
            <translation>كل المستندات الأخرى منجَزة أو متروكة.</translation>
        </message>
        <message>
            <source>Another window or program changed this project; the view was reloaded.</source>
            <translation>غيّرت نافذة أخرى أو برنامج آخر هذا المشروع؛ أُعيد تحميل العرض.</translation>
        </message>
        <message>
            <source>{problem} Nothing more can be saved: copy your work elsewhere or restore a backup.</source>
            <translation>{problem} لا يمكن حفظ شيء بعد الآن: انسخ عملك إلى مكان آخر أو استعد نسخة احتياطية.</translation>
        </message>
        <message>
            <source>The language changes when annotator starts again.</source>
            <translation>تتغيّر اللغة عند تشغيل annotator من جديد.</translation>
        </message>
    </context>
    <context>
        <name>Menu</name>
        <message>
            <source>&amp;Undo</source>
            <translation>تراجع</translation>
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation>إعادة</translation>
        </message>
        <message>
            <source>Undo {action}</source>
            <translation>تراجع: {action}</translation>
        </message>
        <message>
            <source>Redo {action}</source>
            <translation>إعادة: {action}</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;ملف</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>فتح مشروع…</translation>
        </message>
        <message>
            <source>Open another project file</source>
            <translation>افتح ملف مشروع آخر</translation>
        </message>
        <message>
            <source>&amp;New Project…</source>
            <translation>مشروع جديد…</translation>
        </message>
        <message>
            <source>Create an empty project</source>
            <translation>أنشئ مشروعًا فارغًا</translation>
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation>استيراد…</translation>
        </message>
        <message>
            <source>Import documents into this project</source>
            <translation>استورد مستندات إلى هذا المشروع</translation>
        </message>
        <message>
            <source>&amp;Export…</source>
            <translation>تصدير…</translation>
        </message>
        <message>
            <source>Export as canonical JSONL</source>
            <translation>صدّر بصيغة JSONL القياسية</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>خروج</translation>
        </message>
        <message>
            <source>Close the window</source>
            <translation>أغلق النافذة</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;تحرير</translation>
        </message>
        <message>
            <source>&amp;Delete Annotation</source>
            <translation>حذف التوسيم</translation>
        </message>
        <message>
            <source>Delete the selected annotation</source>
            <translation>احذف التوسيم المحدَّد</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>بحث…</translation>
        </message>
        <message>
            <source>Find in the document (folded)</source>
            <translation>ابحث في المستند (مع توحيد الصور)</translation>
        </message>
        <message>
            <source>Find &amp;Next</source>
            <translation>بحث عن التالي</translation>
        </message>
        <message>
            <source>Find &amp;Previous</source>
            <translation>بحث عن السابق</translation>
        </message>
        <message>
            <source>Pr&amp;eferences…</source>
            <translation>التفضيلات…</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;عرض</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>تكبير</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>تصغير</translation>
        </message>
        <message>
            <source>&amp;Reset Zoom</source>
            <translation>إعادة ضبط التكبير</translation>
        </message>
        <message>
            <source>Show &amp;Invisible Characters</source>
            <translation>إظهار المحارف الخفية</translation>
        </message>
        <message>
            <source>Mark joiners, bidi marks and tatweel</source>
            <translation>علِّم محارف الوصل وعلامات الاتجاه والتطويل</translation>
        </message>
        <message>
            <source>&amp;Character Mode</source>
            <translation>وضع المحارف</translation>
        </message>
        <message>
            <source>Label exactly the selected characters (no snapping to names)</source>
            <translation>وسم المحارف المحدَّدة بالضبط (دون الالتقاط إلى الأسماء)</translation>
        </message>
        <message>
            <source>&amp;Annotation</source>
            <translation>ت&amp;وسيم</translation>
        </message>
        <message>
            <source>Start edge: one grapheme towards reading start</source>
            <translation>حدّ البداية: وحدة كتابية نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the selected annotation (a quote's words or cue) one grapheme towards the reading start</source>
            <translation>حرّك حدّ البداية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) وحدةً كتابية نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Start edge: one grapheme towards reading end</source>
            <translation>حدّ البداية: وحدة كتابية نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the selected annotation (a quote's words or cue) one grapheme towards the reading end</source>
            <translation>حرّك حدّ البداية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) وحدةً كتابية نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Start edge: one word towards reading start</source>
            <translation>حدّ البداية: كلمة نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the selected annotation (a quote's words or cue) one word towards the reading start</source>
            <translation>حرّك حدّ البداية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) كلمةً نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Start edge: one word towards reading end</source>
            <translation>حدّ البداية: كلمة نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the start edge of the selected annotation (a quote's words or cue) one word towards the reading end</source>
            <translation>حرّك حدّ البداية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) كلمةً نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>End edge: one grapheme towards reading start</source>
            <translation>حدّ النهاية: وحدة كتابية نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the selected annotation (a quote's words or cue) one grapheme towards the reading start</source>
            <translation>حرّك حدّ النهاية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) وحدةً كتابية نحو بداية القراءة</translation>
        </message>
        <message>
            <source>End edge: one grapheme towards reading end</source>
            <translation>حدّ النهاية: وحدة كتابية نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the selected annotation (a quote's words or cue) one grapheme towards the reading end</source>
            <translation>حرّك حدّ النهاية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) وحدةً كتابية نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>End edge: one word towards reading start</source>
            <translation>حدّ النهاية: كلمة نحو بداية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the selected annotation (a quote's words or cue) one word towards the reading start</source>
            <translation>حرّك حدّ النهاية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) كلمةً نحو بداية القراءة</translation>
        </message>
        <message>
            <source>End edge: one word towards reading end</source>
            <translation>حدّ النهاية: كلمة نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>Move the end edge of the selected annotation (a quote's words or cue) one word towards the reading end</source>
            <translation>حرّك حدّ النهاية للتوسيم المحدَّد (كلمات الاقتباس أو فعل القول) كلمةً نحو نهاية القراءة</translation>
        </message>
        <message>
            <source>&amp;Copy to My Layer</source>
            <translation>نسخ إلى طبقتي</translation>
        </message>
        <message>
            <source>Copy the other annotator's span under the pointer (or clicked) to your layer (View ▸ Layers shows other layers)</source>
            <translation>انسخ مقطع الموسِّم الآخر الذي تحت المؤشر (أو المنقور) إلى طبقتك (عرض ◂ الطبقات يُظهر الطبقات الأخرى)</translation>
        </message>
        <message>
            <source>&amp;Links</source>
            <translation>&amp;روابط</translation>
        </message>
        <message>
            <source>Mark &amp;Quote</source>
            <translation>تعليم اقتباس</translation>
        </message>
        <message>
            <source>Mark the selected words as a direct quote</source>
            <translation>علِّم الكلمات المحدَّدة اقتباسًا مباشرًا</translation>
        </message>
        <message>
            <source>Quote &amp;Kind: Next</source>
            <translation>نوع الاقتباس: التالي</translation>
        </message>
        <message>
            <source>Direct → indirect → mixed for the selected quote</source>
            <translation>مباشر ← غير مباشر ← مختلط للاقتباس المحدَّد</translation>
        </message>
        <message>
            <source>Mark &amp;Cue</source>
            <translation>تعليم فعل القول</translation>
        </message>
        <message>
            <source>The selected speech verb becomes the selected quote's cue</source>
            <translation>يصبح فعل القول المحدَّد قرينةَ الاقتباس المحدَّد</translation>
        </message>
        <message>
            <source>Quote &amp;Edges: Words/Cue</source>
            <translation>حدود الاقتباس: الكلمات/فعل القول</translation>
        </message>
        <message>
            <source>Switch the edge keys between the selected quote's words and its cue</source>
            <translation>بدّل مفاتيح الحدود بين كلمات الاقتباس المحدَّد وفعل القول فيه</translation>
        </message>
        <message>
            <source>Link &amp;Speaker…</source>
            <translation>ربط القائل…</translation>
        </message>
        <message>
            <source>Click (or Enter on) the entity who speaks the selected quote</source>
            <translation>انقر (أو Enter على) الكيان الذي قال الاقتباس المحدَّد</translation>
        </message>
        <message>
            <source>Link &amp;Nearest Speaker</source>
            <translation>ربط أقرب قائل</translation>
        </message>
        <message>
            <source>Link the most plausible speaker (the previous quote's for وأضاف)</source>
            <translation>اربط القائل الأرجح (قائل الاقتباس السابق مع «وأضاف»)</translation>
        </message>
        <message>
            <source>Speaker: &amp;Author</source>
            <translation>القائل: الكاتب</translation>
        </message>
        <message>
            <source>The article's author speaks the selected quote</source>
            <translation>كاتب المقال هو قائل الاقتباس المحدَّد</translation>
        </message>
        <message>
            <source>Speaker: &amp;Unknown</source>
            <translation>القائل: مجهول</translation>
        </message>
        <message>
            <source>Mark &amp;Event…</source>
            <translation>تعليم حدث…</translation>
        </message>
        <message>
            <source>The selected words trigger an event: choose its type</source>
            <translation>الكلمات المحدَّدة تُطلق حدثًا: اختر نوعه</translation>
        </message>
        <message>
            <source>Add &amp;Argument…</source>
            <translation>إضافة مشارك…</translation>
        </message>
        <message>
            <source>Click (or Enter on) the entity that fills a role of the selected event</source>
            <translation>انقر (أو Enter على) الكيان الذي يشغل دورًا في الحدث المحدَّد</translation>
        </message>
        <message>
            <source>Event &amp;Polarity: Next</source>
            <translation>قطبية الحدث: التالية</translation>
        </message>
        <message>
            <source>Event &amp;Modality: Next</source>
            <translation>جهة الحدث: التالية</translation>
        </message>
        <message>
            <source>Event &amp;Genericity: Next</source>
            <translation>عمومية الحدث: التالية</translation>
        </message>
        <message>
            <source>S&amp;tance…</source>
            <translation>موقف…</translation>
        </message>
        <message>
            <source>Open the stance form (holder from the selection)</source>
            <translation>افتح نموذج الموقف (صاحبه من التحديد)</translation>
        </message>
        <message>
            <source>Su&amp;ggest Quotes</source>
            <translation>اقتراح اقتباسات</translation>
        </message>
        <message>
            <source>Quotation marks near speech verbs become suggestions (not stored)</source>
            <translation>علامات التنصيص قرب أفعال القول تصبح اقتراحات (لا تُخزَّن)</translation>
        </message>
        <message>
            <source>Accept Suggestion</source>
            <translation>قبول الاقتراح</translation>
        </message>
        <message>
            <source>Store the selected suggestion as a quote (Enter in the editor too)</source>
            <translation>خزّن الاقتراح المحدَّد اقتباسًا (وEnter في المحرِّر أيضًا)</translation>
        </message>
        <message>
            <source>Reject Suggestion</source>
            <translation>رفض الاقتراح</translation>
        </message>
        <message>
            <source>Forget the selected suggestion (Delete in the editor too)</source>
            <translation>انسَ الاقتراح المحدَّد (وDelete في المحرِّر أيضًا)</translation>
        </message>
        <message>
            <source>Next Recommender Suggestion</source>
            <translation>اقتراح النموذج التالي</translation>
        </message>
        <message>
            <source>Select the next entity the recommender suggests (Enter accepts, Delete rejects)</source>
            <translation>تحديد الكيان التالي الذي يقترحه النموذج (Enter للقبول، Delete للرفض)</translation>
        </message>
        <message>
            <source>Accept All Suggestions of This Label</source>
            <translation>قبول كل اقتراحات هذا الوسم</translation>
        </message>
        <message>
            <source>Accept every suggestion of the selected suggestion's label here</source>
            <translation>قبول كل اقتراح في هذا المستند يحمل وسم الاقتراح المحدد</translation>
        </message>
        <message>
            <source>Retrain Recommender Now</source>
            <translation>إعادة تدريب النموذج الآن</translation>
        </message>
        <message>
            <source>Train the recommender on the documents marked done, in the background</source>
            <translation>تدريب نموذج الاقتراح على المستندات المنجزة، في الخلفية</translation>
        </message>
        <message>
            <source>&amp;Project</source>
            <translation>م&amp;شروع</translation>
        </message>
        <message>
            <source>Edit &amp;Schema…</source>
            <translation>تحرير المخطط…</translation>
        </message>
        <message>
            <source>Edit labels, kinds, topics and event types (a new schema version)</source>
            <translation>حرّر الوسوم والأنواع والموضوعات وأنواع الأحداث (نسخة جديدة من المخطط)</translation>
        </message>
        <message>
            <source>&amp;Overview…</source>
            <translation>نظرة عامة…</translation>
        </message>
        <message>
            <source>Where the project stands: documents per status and annotator, actions per day, labels per layer, agreement</source>
            <translation>أين وصل المشروع: المستندات حسب الحالة والموسِّم، والعمليات في كل يوم، والوسوم في كل طبقة، والاتفاق</translation>
        </message>
        <message>
            <source>&amp;Agreement…</source>
            <translation>الاتفاق…</translation>
        </message>
        <message>
            <source>Inter-annotator agreement of the documents two or more annotators marked done: figures, charts, disagreements, report</source>
            <translation>الاتفاق بين الموسِّمين في المستندات التي أنجزها موسِّمان أو أكثر: أرقام ورسوم بيانية وخلافات وتقرير</translation>
        </message>
        <message>
            <source>C&amp;uration</source>
            <translation>ت&amp;نقيح</translation>
        </message>
        <message>
            <source>&amp;Curate…</source>
            <translation>تنقيح…</translation>
        </message>
        <message>
            <source>Curate (a curator only): the curated layer becomes the one you edit, every annotator's layer is shown, disagreements are marked</source>
            <translation>نقّح (للمنقِّح وحده): تصبح الطبقة المنقَّحة هي التي تحرّرها، وتُعرض طبقة كل موسِّم، وتُعلَّم الخلافات</translation>
        </message>
        <message>
            <source>&amp;Next Disagreement</source>
            <translation>الخلاف التالي</translation>
        </message>
        <message>
            <source>Go to the next open disagreement of the document</source>
            <translation>انتقل إلى الخلاف المفتوح التالي في المستند</translation>
        </message>
        <message>
            <source>&amp;Previous Disagreement</source>
            <translation>الخلاف السابق</translation>
        </message>
        <message>
            <source>Take Annotator &amp;1's Version</source>
            <translation>اعتماد نسخة الموسِّم 1</translation>
        </message>
        <message>
            <source>Take Annotator &amp;2's Version</source>
            <translation>اعتماد نسخة الموسِّم 2</translation>
        </message>
        <message>
            <source>Take Annotator &amp;3's Version</source>
            <translation>اعتماد نسخة الموسِّم 3</translation>
        </message>
        <message>
            <source>&amp;Reject</source>
            <translation>رفض</translation>
        </message>
        <message>
            <source>Nothing at this place in the curated layer</source>
            <translation>لا شيء في هذا الموضع من الطبقة المنقَّحة</translation>
        </message>
        <message>
            <source>Accept as &amp;Edited</source>
            <translation>قبول كما حُرِّر</translation>
        </message>
        <message>
            <source>Decide the disagreement as you edited it in the curated layer</source>
            <translation>احسم الخلاف كما حرّرته في الطبقة المنقَّحة</translation>
        </message>
        <message>
            <source>&amp;Document</source>
            <translation>م&amp;ستند</translation>
        </message>
        <message>
            <source>Mark &amp;Done</source>
            <translation>تعليم كمنجَز</translation>
        </message>
        <message>
            <source>Mark &amp;Skipped</source>
            <translation>تعليم كمتروك</translation>
        </message>
        <message>
            <source>Mark In &amp;Progress</source>
            <translation>تعليم كقيد العمل</translation>
        </message>
        <message>
            <source>&amp;Next Unfinished</source>
            <translation>غير المنجَز التالي</translation>
        </message>
        <message>
            <source>&amp;Previous Unfinished</source>
            <translation>غير المنجَز السابق</translation>
        </message>
    </context>
    <context>
        <name>Navigator</name>
        <message>
            <source>All statuses</source>
            <translation>كل الحالات</translation>
        </message>
        <message>
            <source>Status filter</source>
            <translation>تصفية الحالة</translation>
        </message>
        <message>
            <source>Assigned to me</source>
            <translation>المسنَد إليّ</translation>
        </message>
        <message>
            <source>Only the documents assigned to you (annotator assign)</source>
            <translation>المستندات المسنَدة إليك وحدها (annotator assign)</translation>
        </message>
        <message>
            <source>Assigned to me filter</source>
            <translation>تصفية المسنَد إليّ</translation>
        </message>
        <message>
            <source>Filter titles…</source>
            <translation>تصفية العناوين…</translation>
        </message>
        <message>
            <source>Title filter</source>
            <translation>تصفية العناوين</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Disagreements left</source>
            <translation>خلافات باقية</translation>
        </message>
        <message>
            <source>{count} document</source>
            <translation>المستندات: {count}</translation>
        </message>
        <message>
            <source>{count} documents</source>
            <translation>المستندات: {count}</translation>
        </message>
        <message>
            <source> (filtered)</source>
            <translation> (بعد التصفية)</translation>
        </message>
    </context>
    <context>
        <name>Overview</name>
        <message>
            <source>Project Overview</source>
            <translation>نظرة عامة على المشروع</translation>
        </message>
        <message>
            <source>Documents: {count}</source>
            <translation>المستندات: {count}</translation>
        </message>
        <message>
            <source>Compute Agreement</source>
            <translation>احسب الاتفاق</translation>
        </message>
        <message>
            <source>Agreement needs two or more annotators who marked the same documents done.</source>
            <translation>يحتاج الاتفاق إلى موسِّمَين أو أكثر أنجزوا المستندات نفسها.</translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation>الموسِّم</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>المستندات</translation>
        </message>
        <message>
            <source>Documents per status</source>
            <translation>المستندات حسب الحالة</translation>
        </message>
        <message>
            <source>Day</source>
            <translation>اليوم</translation>
        </message>
        <message>
            <source>Actions per day (journal)</source>
            <translation>العمليات في كل يوم (من السجل)</translation>
        </message>
        <message>
            <source>Actions</source>
            <translation>العمليات</translation>
        </message>
        <message>
            <source>Progress</source>
            <translation>التقدّم</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Entity labels per layer</source>
            <translation>وسوم الكيانات في كل طبقة</translation>
        </message>
        <message>
            <source>Entities</source>
            <translation>الكيانات</translation>
        </message>
        <message>
            <source>Labels</source>
            <translation>الوسوم</translation>
        </message>
        <message>
            <source>Agreement</source>
            <translation>الاتفاق</translation>
        </message>
        <message>
            <source>No document was marked done by two or more annotators.</source>
            <translation>لم يُنجِز موسِّمان أو أكثر أيَّ مستند مشترك.</translation>
        </message>
        <message>
            <source>Shared documents: {count}</source>
            <translation>المستندات المشتركة: {count}</translation>
        </message>
    </context>
    <context>
        <name>Palette</name>
        <message>
            <source>Entity labels</source>
            <translation>وسوم الكيانات</translation>
        </message>
    </context>
    <context>
        <name>Pick</name>
        <message>
            <source>Refused: the speaker must be an annotated entity; that was not one.</source>
            <translation>مرفوض: يجب أن يكون القائل كيانًا موسومًا؛ وما اخترته ليس كذلك.</translation>
        </message>
        <message>
            <source>Refused: the argument must be an annotated entity; that was not one.</source>
            <translation>مرفوض: يجب أن يكون المشارك كيانًا موسومًا؛ وما اخترته ليس كذلك.</translation>
        </message>
    </context>
    <context>
        <name>Preferences</name>
        <message>
            <source>System</source>
            <translation>لغة النظام</translation>
        </message>
        <message>
            <source>Light</source>
            <translation>فاتحة</translation>
        </message>
        <message>
            <source>Dark</source>
            <translation>داكنة</translation>
        </message>
        <message>
            <source>Preferences</source>
            <translation>التفضيلات</translation>
        </message>
        <message>
            <source>Who annotates: changing it reopens the project as that annotator (their own layer)</source>
            <translation>من يوسِّم: تغييره يعيد فتح المشروع باسم ذلك الموسِّم (على طبقته)</translation>
        </message>
        <message>
            <source>Best installed Naskh face</source>
            <translation>أفضل خط نسخ مثبَّت</translation>
        </message>
        <message>
            <source> pt</source>
            <translation> نقطة</translation>
        </message>
        <message>
            <source>Applied when annotator starts again</source>
            <translation>يُطبَّق عند تشغيل annotator من جديد</translation>
        </message>
        <message>
            <source>Annotator</source>
            <translation>الموسِّم</translation>
        </message>
        <message>
            <source>Text font</source>
            <translation>خط النص</translation>
        </message>
        <message>
            <source>Size</source>
            <translation>الحجم</translation>
        </message>
        <message>
            <source>Line spacing</source>
            <translation>تباعد الأسطر</translation>
        </message>
        <message>
            <source>Theme</source>
            <translation>السمة</translation>
        </message>
        <message>
            <source>Sample</source>
            <translation>عيّنة</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>اللغة</translation>
        </message>
        <message>
            <source>The language changes when annotator starts again.</source>
            <translation>تتغيّر اللغة عند تشغيل annotator من جديد.</translation>
        </message>
        <message>
            <source>Not a name: {problem}.</source>
            <translation>ليس اسمًا: {problem}.</translation>
        </message>
        <message>
            <source>OK reopens the project as {name}: you will see and edit {name}'s layer.</source>
            <translation>موافق يعيد فتح المشروع باسم {name}: سترى طبقة {name} وتحرّرها.</translation>
        </message>
    </context>
    <context>
        <name>ProjectFiles</name>
        <message>
            <source>Open Project</source>
            <translation>فتح مشروع</translation>
        </message>
        <message>
            <source>Projects (*.annotator);;All files (*)</source>
            <translation>المشاريع (*.annotator);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>New Project</source>
            <translation>مشروع جديد</translation>
        </message>
        <message>
            <source>Projects (*.annotator)</source>
            <translation>المشاريع (*.annotator)</translation>
        </message>
        <message>
            <source>Import Documents</source>
            <translation>استيراد مستندات</translation>
        </message>
        <message>
            <source>Documents (*.txt *.md *.jsonl *.json *.html *.htm *.ann);;All files (*)</source>
            <translation>المستندات (*.txt *.md *.jsonl *.json *.html *.htm *.ann);;كل الملفات (*)</translation>
        </message>
        <message>
            <source>Imported {count} document(s) from {files} file(s).</source>
            <translation>استُورِد {count} مستند من {files} ملف.</translation>
        </message>
        <message>
            <source>{count} prediction(s) became suggestions (F9 goes to them).</source>
            <translation>صارت {count} من التنبؤات اقتراحات (F9 ينتقل إليها).</translation>
        </message>
        <message>
            <source>Duplicate skipped: {source}</source>
            <translation>تُرك مكرَّر: {source}</translation>
        </message>
        <message>
            <source>Problem: {problem}</source>
            <translation>مشكلة: {problem}</translation>
        </message>
        <message>
            <source>Note: {warning}</source>
            <translation>ملاحظة: {warning}</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>استيراد</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>تصدير</translation>
        </message>
        <message>
            <source>Canonical JSONL (*.jsonl)</source>
            <translation>صيغة JSONL القياسية (*.jsonl)</translation>
        </message>
        <message>
            <source>Nothing was exported: {error}</source>
            <translation>لم يُصدَّر شيء: {error}</translation>
        </message>
        <message>
            <source>Exported {count} document(s) to {path}</source>
            <translation>صُدِّر {count} مستند إلى {path}</translation>
        </message>
    </context>
    <context>
        <name>ProjectWatch</name>
        <message>
            <source>Could not check the project file: {error}</source>
            <translation>تعذّر فحص ملف المشروع: {error}</translation>
        </message>
        <message>
            <source>Automatic backup failed: {error}</source>
            <translation>فشل النسخ الاحتياطي التلقائي: {error}</translation>
        </message>
        <message>
            <source>Backed up to {path}</source>
            <translation>نُسخ احتياطيًا إلى {path}</translation>
        </message>
    </context>
    <context>
        <name>Quote</name>
        <message>
            <source>quoted words</source>
            <translation>الكلمات المقتبسة</translation>
        </message>
        <message>
            <source>cue</source>
            <translation>فعل القول</translation>
        </message>
        <message>
            <source>Select a quote first.</source>
            <translation>اختر اقتباسًا أولًا.</translation>
        </message>
        <message>
            <source>Select a quote first, then the speech verb, then mark it.</source>
            <translation>اختر اقتباسًا أولًا، ثم فعل القول، ثم علِّمه.</translation>
        </message>
        <message>
            <source>The speaker must be an annotated entity of this document (or AUTHOR, or unknown).</source>
            <translation>يجب أن يكون القائل كيانًا موسومًا في هذا المستند (أو الكاتب AUTHOR، أو مجهولًا).</translation>
        </message>
        <message>
            <source>No speaker in sight: click one (Link Speaker) or choose AUTHOR.</source>
            <translation>لا قائل في الجوار: انقر واحدًا (ربط القائل) أو اختر الكاتب AUTHOR.</translation>
        </message>
        <message>
            <source>Speaker linked ({reason}).</source>
            <translation>رُبط القائل ({reason}).</translation>
        </message>
        <message>
            <source>This quote has no cue yet: select the speech verb and mark it (Ctrl+Shift+C).</source>
            <translation>لا فعل قول لهذا الاقتباس بعد: حدّد فعل القول وعلِّمه (Ctrl+Shift+C).</translation>
        </message>
        <message>
            <source>Edge keys now move the quote's {part}.</source>
            <translation>مفاتيح الحدود تحرّك الآن {part} في الاقتباس.</translation>
        </message>
        <message>
            <source>That edge cannot move further.</source>
            <translation>لا يمكن تحريك هذا الحدّ أكثر.</translation>
        </message>
    </context>
    <context>
        <name>QuotePage</name>
        <message>
            <source>Quoted words</source>
            <translation>الكلمات المقتبسة</translation>
        </message>
        <message>
            <source>Cue</source>
            <translation>فعل القول</translation>
        </message>
        <message>
            <source>Quote kind</source>
            <translation>نوع الاقتباس</translation>
        </message>
        <message>
            <source>Speaker</source>
            <translation>القائل</translation>
        </message>
        <message>
            <source>Pick in text</source>
            <translation>اختر من النص</translation>
        </message>
        <message>
            <source>Nearest speaker</source>
            <translation>أقرب قائل</translation>
        </message>
        <message>
            <source>Boundaries of</source>
            <translation>حدود</translation>
        </message>
        <message>
            <source>Boundaries</source>
            <translation>الحدود</translation>
        </message>
        <message>
            <source>quoted words or cue</source>
            <translation>الكلمات المقتبسة أو فعل القول</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>النوع</translation>
        </message>
        <message>
            <source>Edges of</source>
            <translation>حدود</translation>
        </message>
    </context>
    <context>
        <name>Recommender</name>
        <message>
            <source>No suggestions from the recommender in this document.</source>
            <translation>لا اقتراحات من النموذج في هذا المستند.</translation>
        </message>
        <message>
            <source>Select a suggested entity or trigger first (dashed; F9 goes to the next one).</source>
            <translation>حدّد كيانًا أو مُطلِق حدث مقترحًا أولًا (بخط متقطع؛ F9 ينتقل إلى التالي).</translation>
        </message>
        <message>
            <source>Suggested {label}: {text}. Enter accepts, Delete rejects, Alt+Shift+Enter accepts every {label}; F9 goes to the next.</source>
            <translation>اقتراح {label}: {text}. Enter يقبله، وDelete يرفضه، وAlt+Shift+Enter يقبل كل اقتراحات {label}؛ F9 ينتقل إلى التالي.</translation>
        </message>
        <message>
            <source>Accepted {count} suggested {label}.</source>
            <translation>قُبلت اقتراحات {label}، وعددها: {count}.</translation>
        </message>
        <message>
            <source>{source} {label}: {accepted} accepted, {rejected} rejected{share}; suggestions left here: {left}.</source>
            <translation>{source} في {label}: المقبول {accepted}، المرفوض {rejected}{share}؛ الاقتراحات الباقية هنا: {left}.</translation>
        </message>
        <message>
            <source>Recommender {label}: you {accepted} accepted, {rejected} rejected{share}; team {team_accepted} accepted, {team_rejected} rejected{team_share}; suggestions left here: {left}.</source>
            <translation>النموذج في {label}: أنت: المقبول {accepted}، المرفوض {rejected}{share}؛ الفريق: المقبول {team_accepted}، المرفوض {team_rejected}{team_share}؛ الاقتراحات الباقية هنا: {left}.</translation>
        </message>
        <message>
            <source>Cannot train: {hint}.</source>
            <translation>تعذّر التدريب: {hint}.</translation>
        </message>
        <message>
            <source>Training the recommender in the background…</source>
            <translation>يجري تدريب نموذج الاقتراح في الخلفية…</translation>
        </message>
        <message>
            <source>The recommender was retrained: new suggestions.</source>
            <translation>أُعيد تدريب النموذج: اقتراحات جديدة.</translation>
        </message>
        <message>
            <source>exit status {code}</source>
            <translation>رمز الخروج {code}</translation>
        </message>
        <message>
            <source>The recommender could not be trained: {reason}</source>
            <translation>تعذّر تدريب النموذج: {reason}</translation>
        </message>
    </context>
    <context>
        <name>SchemaEditor</name>
        <message>
            <source>Edit Schema</source>
            <translation>تحرير المخطط</translation>
        </message>
        <message>
            <source>Entity labels</source>
            <translation>وسوم الكيانات</translation>
        </message>
        <message>
            <source>Entity attributes</source>
            <translation>سمات الكيانات</translation>
        </message>
        <message>
            <source>Quote kinds</source>
            <translation>أنواع الاقتباس</translation>
        </message>
        <message>
            <source>Stance labels</source>
            <translation>وسوم المواقف</translation>
        </message>
        <message>
            <source>Stance topics</source>
            <translation>موضوعات المواقف</translation>
        </message>
        <message>
            <source>Event types</source>
            <translation>أنواع الأحداث</translation>
        </message>
        <message>
            <source>Event attributes</source>
            <translation>سمات الأحداث</translation>
        </message>
        <message>
            <source>Document labels</source>
            <translation>وسوم المستندات</translation>
        </message>
        <message>
            <source>What Save would refuse is shown here.</source>
            <translation>يظهر هنا ما سيرفضه الحفظ.</translation>
        </message>
        <message>
            <source>Rename a name in place to relabel its annotations; Save stores a new schema version (Edit ▸ Undo reverts it).</source>
            <translation>أعد تسمية اسم في مكانه لتغيير وسم توسيماته؛ الحفظ يخزّن نسخة جديدة من المخطط (تحرير ◂ تراجع يلغيها).</translation>
        </message>
        <message>
            <source>Add</source>
            <translation>إضافة</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>إزالة</translation>
        </message>
        <message>
            <source>Colour…</source>
            <translation>اللون…</translation>
        </message>
        <message>
            <source>Label colour</source>
            <translation>لون الوسم</translation>
        </message>
        <message>
            <source>Not saved:</source>
            <translation>لم يُحفظ:</translation>
        </message>
        <message>
            <source>Not saved: {exc}</source>
            <translation>لم يُحفظ: {exc}</translation>
        </message>
    </context>
    <context>
        <name>Selection</name>
        <message>
            <source>({owner}'s layer, read-only)</source>
            <translation>(طبقة {owner}، للقراءة فقط)</translation>
        </message>
    </context>
    <context>
        <name>Session</name>
        <message>
            <source>trigger</source>
            <translation>مُطلِق الحدث</translation>
        </message>
        <message>
            <source>quoted words</source>
            <translation>الكلمات المقتبسة</translation>
        </message>
        <message>
            <source>speech verb</source>
            <translation>فعل القول</translation>
        </message>
        <message>
            <source>Click the speaker's entity (Enter: the entity at the cursor; Esc cancels).</source>
            <translation>انقر كيان القائل (Enter: الكيان عند المؤشر؛ Esc للإلغاء).</translation>
        </message>
        <message>
            <source>Click the entity that fills a role of the event (Esc cancels).</source>
            <translation>انقر الكيان الذي يشغل دورًا في الحدث (Esc للإلغاء).</translation>
        </message>
        <message>
            <source>Click the entity that holds the stance (Esc cancels).</source>
            <translation>انقر الكيان صاحب الموقف (Esc للإلغاء).</translation>
        </message>
        <message>
            <source>Click the entity or event trigger the stance is about (Esc cancels).</source>
            <translation>انقر الكيان أو مُطلِق الحدث الذي يدور عليه الموقف (Esc للإلغاء).</translation>
        </message>
        <message>
            <source>Document {doc_id}</source>
            <translation>المستند {doc_id}</translation>
        </message>
        <message>
            <source>Select the {what} in the text first.</source>
            <translation>حدّد {what} في النص أولًا.</translation>
        </message>
        <message>
            <source>The selection holds no text for the {what}.</source>
            <translation>لا يحوي التحديد نصًّا لـ{what}.</translation>
        </message>
        <message>
            <source>Select a quote first.</source>
            <translation>اختر اقتباسًا أولًا.</translation>
        </message>
        <message>
            <source>Select an event first.</source>
            <translation>اختر حدثًا أولًا.</translation>
        </message>
    </context>
    <context>
        <name>Stance</name>
        <message>
            <source>Select a stance first.</source>
            <translation>اختر موقفًا أولًا.</translation>
        </message>
    </context>
    <context>
        <name>StanceForm</name>
        <message>
            <source>Stance</source>
            <translation>موقف</translation>
        </message>
        <message>
            <source>Stance holder</source>
            <translation>صاحب الموقف</translation>
        </message>
        <message>
            <source>Stance target</source>
            <translation>هدف الموقف</translation>
        </message>
        <message>
            <source>Stance label</source>
            <translation>وسم الموقف</translation>
        </message>
        <message>
            <source>Pick</source>
            <translation>اختيار</translation>
        </message>
        <message>
            <source>Add stance</source>
            <translation>إضافة موقف</translation>
        </message>
        <message>
            <source>Holder</source>
            <translation>صاحبه</translation>
        </message>
        <message>
            <source>Target</source>
            <translation>الهدف</translation>
        </message>
        <message>
            <source>Label</source>
            <translation>الوسم</translation>
        </message>
        <message>
            <source>Selected stance</source>
            <translation>الموقف المحدَّد</translation>
        </message>
        <message>
            <source>Choose the stance's target and label.</source>
            <translation>اختر هدف الموقف ووسمه.</translation>
        </message>
        <message>
            <source>Evidence</source>
            <translation>الشاهد</translation>
        </message>
        <message>
            <source>AUTHOR (the article's author)</source>
            <translation>الكاتب AUTHOR (كاتب المقال)</translation>
        </message>
        <message>
            <source>— choose a target —</source>
            <translation>— اختر هدفًا —</translation>
        </message>
        <message>
            <source>Topic: {label}</source>
            <translation>موضوع: {label}</translation>
        </message>
        <message>
            <source>Event: {type} ({trigger})</source>
            <translation>حدث: {type} ({trigger})</translation>
        </message>
        <message>
            <source>— none —</source>
            <translation>— لا شيء —</translation>
        </message>
        <message>
            <source>Quote {text}</source>
            <translation>اقتباس {text}</translation>
        </message>
        <message>
            <source>Text: {text}</source>
            <translation>نص: {text}</translation>
        </message>
        <message>
            <source>Refused: a stance holder must be an entity (or AUTHOR).</source>
            <translation>مرفوض: صاحب الموقف يجب أن يكون كيانًا (أو الكاتب AUTHOR).</translation>
        </message>
        <message>
            <source>Refused: a stance target is an entity, an event trigger or a topic.</source>
            <translation>مرفوض: هدف الموقف كيان أو مُطلِق حدث أو موضوع.</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <source>speaker</source>
            <translation>القائل</translation>
        </message>
        <message>
            <source>argument</source>
            <translation>المشارك</translation>
        </message>
        <message>
            <source>holder</source>
            <translation>صاحب الموقف</translation>
        </message>
        <message>
            <source>target</source>
            <translation>الهدف</translation>
        </message>
        <message>
            <source>Saving…</source>
            <translation>جارٍ الحفظ…</translation>
        </message>
        <message>
            <source>Saved</source>
            <translation>حُفظ</translation>
        </message>
        <message>
            <source>Not saved</source>
            <translation>لم يُحفظ</translation>
        </message>
        <message>
            <source>No changes yet</source>
            <translation>لا تغييرات بعد</translation>
        </message>
        <message>
            <source>Annotator: {annotator}</source>
            <translation>الموسِّم: {annotator}</translation>
        </message>
        <message>
            <source>You see and edit this annotator's layer (Edit ▸ Preferences changes it)</source>
            <translation>ترى طبقة هذا الموسِّم وتحرّرها (تحرير ◂ التفضيلات يغيّره)</translation>
        </message>
        <message>
            <source>Offset {position} · Line {line}</source>
            <translation>الموضع {position} · السطر {line}</translation>
        </message>
        <message>
            <source>{count} entity · {status}</source>
            <translation>الكيانات: {count} · {status}</translation>
        </message>
        <message>
            <source>{count} entities · {status}</source>
            <translation>الكيانات: {count} · {status}</translation>
        </message>
        <message>
            <source>Project: {done} / {total} done</source>
            <translation>المشروع: {done} / {total} منجَز</translation>
        </message>
        <message>
            <source>Saved {time}</source>
            <translation>حُفظ {time}</translation>
        </message>
        <message>
            <source>Committed to the project file</source>
            <translation>ثُبِّت في ملف المشروع</translation>
        </message>
        <message>
            <source>Picking: {picking}</source>
            <translation>اختيار: {picking}</translation>
        </message>
        <message>
            <source>Character mode</source>
            <translation>وضع المحارف</translation>
        </message>
    </context>
    <context>
        <name>Suggestion</name>
        <message>
            <source>{count} suggested quote(s): Enter accepts, Delete rejects.</source>
            <translation>الاقتباسات المقترَحة: {count}؛ للقبول Enter، وللرفض Delete.</translation>
        </message>
        <message>
            <source>No quotation marks near a speech verb: nothing to suggest.</source>
            <translation>لا علامات تنصيص قرب فعل قول: لا شيء يُقترح.</translation>
        </message>
        <message>
            <source>Select a suggested quote first (Suggest Quotes finds them).</source>
            <translation>اختر اقتباسًا مقترَحًا أولًا (اقتراح اقتباسات يجدها).</translation>
        </message>
    </context>
    <context>
        <name>Workbench</name>
        <message>
            <source>Cannot show document {doc_id}: {message} (run annotator validate)</source>
            <translation>تعذّر عرض المستند {doc_id}: {message} (شغِّل annotator validate)</translation>
        </message>
        <message>
            <source>Document {doc_id} has {count} damaged row(s), not shown: {message} (run annotator validate)</source>
            <translation>في المستند {doc_id} صفوف تالفة لم تُعرض ({count}): {message} (شغِّل annotator validate)</translation>
        </message>
        <message>
            <source>Only the shipped names help snapping: {why}</source>
            <translation>لا تساعد في الالتقاط إلا الأسماء المرفقة: {why}</translation>
        </message>
        <message>
            <source>{owner}'s {label} span (read-only): Copy to My Layer (Ctrl+Shift+Y) adds it to yours.</source>
            <translation>مقطع {label} من طبقة {owner} (للقراءة فقط): نسخ إلى طبقتي (Ctrl+Shift+Y) يضيفه إلى طبقتك.</translation>
        </message>
        <message>
            <source>Cannot show {name}'s layer: {error}</source>
            <translation>تعذّر عرض طبقة {name}: {error}</translation>
        </message>
        <message>
            <source>Nothing to redo.</source>
            <translation>لا شيء لإعادته.</translation>
        </message>
        <message>
            <source>Nothing to undo.</source>
            <translation>لا شيء للتراجع عنه.</translation>
        </message>
        <message>
            <source>Redid: {action}</source>
            <translation>أُعيد: {action}</translation>
        </message>
        <message>
            <source>Undid: {action}</source>
            <translation>تُرُوجع عن: {action}</translation>
        </message>
    </context>
</TS>
