"""Tests of annotator.core.schema: the bundled default schema, the checks behind every
class of mistake, and the helpers importers and validators use."""

from __future__ import annotations

import dataclasses
import itertools
import json
import math
import unicodedata
from pathlib import Path

import pytest

from annotator.core.model import QUOTE_KINDS, STANCE_LABELS
from annotator.core.schema import (
    RESERVED_KEYS,
    Schema,
    SchemaError,
    SchemaProblem,
    default_schema_path,
    load_schema,
    parse_schema,
    schema_file_problems,
)
from tests.seed_path import SEED as SEED_PATH

SEED = SEED_PATH

WOJOOD = [
    "PERS",
    "NORP",
    "OCC",
    "ORG",
    "GPE",
    "LOC",
    "FAC",
    "EVENT",
    "DATE",
    "TIME",
    "LANGUAGE",
    "WEBSITE",
    "LAW",
    "PRODUCT",
    "CARDINAL",
    "ORDINAL",
    "PERCENT",
    "QUANTITY",
    "UNIT",
    "MONEY",
    "CURR",
]

ACE_SUBTYPES = [
    "Life:Be-Born",
    "Life:Marry",
    "Life:Divorce",
    "Life:Injure",
    "Life:Die",
    "Movement:Transport",
    "Transaction:Transfer-Ownership",
    "Transaction:Transfer-Money",
    "Business:Start-Org",
    "Business:Merge-Org",
    "Business:Declare-Bankruptcy",
    "Business:End-Org",
    "Conflict:Attack",
    "Conflict:Demonstrate",
    "Contact:Meet",
    "Contact:Phone-Write",
    "Personnel:Start-Position",
    "Personnel:End-Position",
    "Personnel:Nominate",
    "Personnel:Elect",
    "Justice:Arrest-Jail",
    "Justice:Release-Parole",
    "Justice:Trial-Hearing",
    "Justice:Charge-Indict",
    "Justice:Sue",
    "Justice:Convict",
    "Justice:Sentence",
    "Justice:Fine",
    "Justice:Execute",
    "Justice:Extradite",
    "Justice:Acquit",
    "Justice:Appeal",
    "Justice:Pardon",
]

MINIMAL = """\
[schema]
name = "mini"
version = 2

[entities]
nesting = false

[[entities.types]]
label = "PERS"
color = "#7eb6ff"
hotkey = "p"

[[entities.types]]
label = "GPE"
color = "#6fdc8c"
hotkey = "g"

[entities.attributes.mention]
values = ["NAM", "NOM"]
default = "NAM"

[stance]
labels = ["FAVOR", "AGAINST", "NONE"]

[[stance.topics]]
id = "ceasefire"
label = "وقف إطلاق النار"

[[events.types]]
label = "Conflict:Attack"
roles = ["Attacker", "Target", "Place"]
role_types = { Place = ["GPE"] }

[documents.labels.topic]
kind = "single"
values = ["politics", "economy"]
"""


@pytest.fixture(scope="module")
def default() -> Schema:
    return load_schema(default_schema_path())


def problems_of(text: str, source: str = "my.toml") -> list[SchemaProblem]:
    with pytest.raises(SchemaError) as caught:
        parse_schema(text, source)
    return caught.value.problems


def edit(old: str, new: str) -> str:
    """MINIMAL with one exact replacement (which must apply)."""
    assert old in MINIMAL
    return MINIMAL.replace(old, new, 1)


# --- the bundled default schema -----------------------------------------------------------


def test_default_schema_file_is_bundled_and_checks_clean() -> None:
    path = default_schema_path()
    assert path.parts[-3:] == ("resources", "schema", "default.toml")
    assert path.is_file()
    assert schema_file_problems(path) == []


def test_default_schema_header(default: Schema) -> None:
    assert (default.name, default.version) == ("annotator-news-ar", 1)
    assert default.description
    assert default.nesting is True
    assert default.source_text == default_schema_path().read_text(encoding="utf-8")


def test_default_has_wojood_21_entity_types(default: Schema) -> None:
    assert sorted(default.entity_types) == sorted(WOJOOD)
    assert len(default.entity_types) == 21
    for entity in default.entity_types.values():
        english, _, arabic = entity.description.partition(" — ")
        assert english, entity.name
        assert arabic, entity.name
        assert any("\u0621" <= ch <= "\u064a" for ch in arabic), entity.name
    mention = default.entity_attributes["mention"]
    assert (mention.values, mention.default) == (("NAM", "NOM", "PRO"), "NAM")


def test_default_hotkeys_unique_single_and_not_reserved(default: Schema) -> None:
    keys = [e.hotkey for e in default.entity_types.values()]
    assert all(k is not None and len(k) == 1 and not k.isspace() for k in keys)
    folded = [k.casefold() for k in keys if k is not None]
    assert len(set(folded)) == len(folded) == 21
    assert not set(folded) & RESERVED_KEYS
    mnemonic = {"PERS": "p", "ORG": "o", "GPE": "g", "LOC": "l", "DATE": "d", "MONEY": "m"}
    assert all(default.entity_types[label].hotkey == key for label, key in mnemonic.items())


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def _rgb(color: str) -> tuple[float, float, float]:
    r, g, b = (_linear(int(color[i : i + 2], 16)) for i in (1, 3, 5))
    return r, g, b


def _luminance(color: str) -> float:
    r, g, b = _rgb(color)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _lab(color: str) -> tuple[float, float, float]:
    r, g, b = _rgb(color)
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_default_colours_distinct_and_readable(default: Schema) -> None:
    colors = {e.name: e.color for e in default.entity_types.values()}
    assert len(set(colors.values())) == 21
    for label, color in colors.items():
        lum = _luminance(color)
        assert (lum + 0.05) / 0.05 >= 7, f"{label}: black text on {color} is hard to read"
        assert 1.05 / (lum + 0.05) >= 1.3, f"{label}: {color} barely shows on white"
    for (a, ca), (b, cb) in itertools.combinations(colors.items(), 2):
        assert math.dist(_lab(ca), _lab(cb)) >= 15, f"{a} {ca} and {b} {cb} look alike"


def test_default_has_the_33_ace_subtypes(default: Schema) -> None:
    assert sorted(default.event_types) == sorted(ACE_SUBTYPES)
    for event in default.event_types.values():
        assert event.roles
        assert len(set(event.roles)) == len(event.roles)
        assert "Time" in event.roles, event.name


@pytest.mark.parametrize(
    ("event_type", "roles"),
    [
        ("Conflict:Attack", ("Attacker", "Target", "Instrument", "Time", "Place")),
        (
            "Movement:Transport",
            ("Agent", "Artifact", "Vehicle", "Price", "Origin", "Destination", "Time"),
        ),
        ("Contact:Meet", ("Entity", "Time", "Place")),
        ("Contact:Phone-Write", ("Entity", "Time")),
        ("Life:Die", ("Agent", "Victim", "Instrument", "Time", "Place")),
        (
            "Transaction:Transfer-Ownership",
            ("Buyer", "Seller", "Beneficiary", "Artifact", "Price", "Time", "Place"),
        ),
        (
            "Transaction:Transfer-Money",
            ("Giver", "Recipient", "Beneficiary", "Money", "Time", "Place"),
        ),
        ("Personnel:Nominate", ("Person", "Agent", "Position", "Time", "Place")),
        ("Justice:Sentence", ("Defendant", "Adjudicator", "Crime", "Sentence", "Time", "Place")),
        ("Justice:Fine", ("Entity", "Adjudicator", "Money", "Crime", "Time", "Place")),
        ("Justice:Extradite", ("Agent", "Person", "Destination", "Origin", "Crime", "Time")),
        ("Justice:Appeal", ("Plaintiff", "Adjudicator", "Crime", "Time", "Place")),
    ],
)
def test_default_event_roles_follow_ace_guidelines(
    default: Schema, event_type: str, roles: tuple[str, ...]
) -> None:
    assert default.allowed_roles(event_type) == roles


def test_default_role_types(default: Schema) -> None:
    assert default.role_accepts("Conflict:Attack", "Place", "GPE")
    assert not default.role_accepts("Conflict:Attack", "Place", "PERS")
    assert default.role_accepts("Conflict:Attack", "Target", "PRODUCT")  # ACE WEA/VEH
    assert default.role_accepts("Personnel:Start-Position", "Position", "OCC")
    assert not default.role_accepts("Personnel:Start-Position", "Entity", "PERS")
    assert default.role_accepts("Justice:Arrest-Jail", "Crime", "EVENT")  # unrestricted
    assert not default.role_accepts("Contact:Meet", "Attacker", "PERS")
    assert not default.role_accepts("Life:Fly", "Time", "DATE")
    for event in default.event_types.values():
        assert set(event.role_types) <= set(event.roles)
        assert all(set(labels) <= set(WOJOOD) for labels in event.role_types.values())


def test_default_quotes_stance_documents(default: Schema) -> None:
    assert default.quote_kinds == QUOTE_KINDS
    assert default.cue_verbs == (
        "قال",
        "أكد",
        "أضاف",
        "أعلن",
        "تابع",
        "اعتبر",
        "أوضح",
        "صرح",
        "أشار",
        "نقل",
    )
    assert default.stance_labels == STANCE_LABELS
    assert len(default.topics) >= 3
    assert all(t.label and t.label_en for t in default.topics.values())
    assert default.stance_topics is default.topics
    topic = default.document_labels["topic"]
    assert topic.kind == "single"
    assert {"politics", "economy", "security"} <= set(topic.values)
    stance = default.document_labels["overall_stance"]
    assert stance.per_topic
    assert stance.values == STANCE_LABELS
    attrs = {name: (a.values, a.default) for name, a in default.event_attributes.items()}
    assert attrs == {
        "polarity": (("Positive", "Negative"), "Positive"),
        "modality": (("Asserted", "Other"), "Asserted"),
        "genericity": (("Specific", "Generic"), "Specific"),
        "tense": (("Past", "Present", "Future", "Unspecified"), "Unspecified"),
    }


def test_default_gazetteer_names_occur_in_the_seed_article(default: Schema) -> None:
    if not SEED.is_file():
        pytest.skip(f"{SEED} is not available")
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    assert set(default.gazetteer) <= set(default.entity_types)
    for label, names in default.gazetteer.items():
        for name in names:
            assert name in text, f"{label} {name}"
    assert {"بوتين", "كيري", "لافروف"} <= set(default.gazetteer["PERS"])


# --- helpers --------------------------------------------------------------------------------


def test_attribute_and_label_checks(default: Schema) -> None:
    assert default.has_entity_label("GPE")
    assert not default.has_entity_label("gpe")
    assert default.allowed_roles("Nope:Nope") == ()
    assert default.entity_attrs_problems({"mention": "NOM"}) == []
    assert default.entity_attrs_problems({}) == []
    bad = default.entity_attrs_problems({"mention": "XYZ", "colour": "red"})
    assert len(bad) == 2
    assert "XYZ" in bad[0]
    assert "colour" in bad[1]
    assert default.event_attrs_problems({"polarity": "Negative", "tense": "Past"}) == []
    assert default.event_attrs_problems({"tense": "Later"}) == [
        "tense: 'Later' is not one of Past, Present, Future, Unspecified"
    ]
    assert default.entity_attr_defaults() == {"mention": "NAM"}
    assert default.event_attr_defaults()["modality"] == "Asserted"


def test_document_label_checks(default: Schema) -> None:
    good = {"topic": "security", "overall_stance": {"anti-isis-coalition": "FAVOR"}}
    assert default.document_labels_problems(good) == []
    bad = default.document_labels_problems(
        {
            "topic": "gossip",
            "overall_stance": {"no-such-topic": "FAVOR", "refugee-reception": "MAYBE"},
            "mood": "happy",
        }
    )
    assert len(bad) == 4
    assert any("gossip" in p for p in bad)
    assert any("no-such-topic" in p for p in bad)
    assert any(p.startswith("overall_stance.refugee-reception") for p in bad)
    assert any("mood" in p for p in bad)
    assert default.document_labels_problems({"overall_stance": "FAVOR"}) != []


def test_to_dict_is_json_and_to_toml_round_trips(default: Schema) -> None:
    data = default.to_dict()
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data
    assert len(data["entities"]["types"]) == 21
    again = parse_schema(default.to_toml(), "round-trip.toml")
    assert dataclasses.replace(again, source_text="") == dataclasses.replace(
        default, source_text=""
    )
    mini = parse_schema(MINIMAL)
    assert dataclasses.replace(parse_schema(mini.to_toml()), source_text="") == dataclasses.replace(
        mini, source_text=""
    )


def test_summary_lines(default: Schema) -> None:
    lines = default.summary_lines()
    assert lines[0].startswith("annotator-news-ar")
    assert sum(1 for line in lines if line.strip().startswith(tuple(WOJOOD))) >= 21
    assert any(line.strip().startswith("Conflict:Attack: Attacker") for line in lines)
    assert any("FAVOR" in line for line in lines)


def test_optional_sections_may_be_left_out() -> None:
    schema = parse_schema(MINIMAL)
    assert schema.quote_kinds == ()
    assert schema.cue_verbs == ()
    assert schema.gazetteer == {}
    assert schema.event_types["Conflict:Attack"].role_types == {"Place": ("GPE",)}
    assert schema.nesting is False
    assert schema.version == 2


# --- mistakes -----------------------------------------------------------------------------

MISTAKES = [
    # (replace in MINIMAL, by, key, reason fragment)
    ('name = "mini"\n', "", "schema.name", "required key is missing"),
    ("version = 2", 'version = "2"', "schema.version", "expected an integer"),
    ("version = 2", "version = 0", "schema.version", "less than 1"),
    ("nesting = false", "nestng = false", "entities.nestng", 'did you mean "nesting"'),
    ('color = "#6fdc8c"', 'colour = "#6fdc8c"', "entities.types[1].colour", "unknown key"),
    (
        'color = "#6fdc8c"',
        'color = "#12"',
        "entities.types[1].color",
        '"#12" is not a colour (#rrggbb)',
    ),
    ('color = "#6fdc8c"', 'color = "#7EB6FF"', "entities.types[1].color", "already used"),
    ('label = "GPE"', 'label = "PERS"', "entities.types[1].label", 'duplicate label "PERS"'),
    ('label = "GPE"', 'label = "Gpe"', "entities.types[1].label", "not an entity label"),
    ('hotkey = "g"', 'hotkey = "P"', "entities.types[1].hotkey", "already used"),
    ('hotkey = "g"', 'hotkey = "Delete"', "entities.types[1].hotkey", "reserved"),
    ('hotkey = "g"', 'hotkey = " "', "entities.types[1].hotkey", "reserved"),
    ('hotkey = "g"', 'hotkey = "ctrl+g"', "entities.types[1].hotkey", "not a single key"),
    ('hotkey = "g"', "hotkey = 7", "entities.types[1].hotkey", "expected a string"),
    (
        'default = "NAM"',
        'default = "PRO"',
        "entities.attributes.mention.default",
        "not one of the values",
    ),
    (
        'values = ["NAM", "NOM"]',
        "values = []",
        "entities.attributes.mention.values",
        "must not be empty",
    ),
    (
        'labels = ["FAVOR", "AGAINST", "NONE"]',
        'labels = ["FAVOR", "FAVOR"]',
        "stance.labels[1]",
        "duplicate",
    ),
    (
        'label = "وقف إطلاق النار"',
        'label = "وقف إطلاق النار"\n\n[[stance.topics]]\nid = "ceasefire"\nlabel = "x"',
        "stance.topics[1].id",
        'duplicate topic "ceasefire"',
    ),
    ('id = "ceasefire"', 'id = "Cease Fire"', "stance.topics[0].id", "not a topic id"),
    (
        'label = "Conflict:Attack"',
        'label = "Attack"',
        "events.types[0].label",
        "not an event type (Type:Subtype",
    ),
    (
        'roles = ["Attacker", "Target", "Place"]',
        "roles = []",
        "events.types[0].roles",
        "must not be empty",
    ),
    (
        'roles = ["Attacker", "Target", "Place"]',
        'roles = ["Attacker", "Attacker", "Place"]',
        "events.types[0].roles[1]",
        'duplicate "Attacker"',
    ),
    (
        'role_types = { Place = ["GPE"] }',
        'role_types = { Time = ["GPE"] }',
        "events.types[0].role_types.Time",
        "not a role of this event type",
    ),
    (
        'role_types = { Place = ["GPE"] }',
        'role_types = { Place = ["CITY"] }',
        "events.types[0].role_types.Place[0]",
        "not an entity type of this schema",
    ),
    ('kind = "single"', 'kind = "choice"', "documents.labels.topic.kind", "not a label kind"),
    ('kind = "single"', 'kind = "text"', "documents.labels.topic.values", "takes no values"),
    (
        'values = ["politics", "economy"]',
        "",
        "documents.labels.topic.values",
        "required key is missing",
    ),
    ("[stance]", "[stances]", "stances", "unknown key"),
    (
        "[entities]\nnesting = false\n",
        '[entities]\nnesting = false\n[gazetteer]\nLOC = ["x"]\n',
        "gazetteer.LOC",
        "not an entity type of this schema",
    ),
]


@pytest.mark.parametrize(("old", "new", "key", "reason"), MISTAKES)
def test_each_mistake_is_reported_with_file_key_and_reason(
    old: str, new: str, key: str, reason: str
) -> None:
    problems = problems_of(edit(old, new))
    matching = [p for p in problems if p.key == key and reason in p.reason]
    assert matching, "\n".join(map(str, problems))
    assert all(p.file == "my.toml" for p in problems)
    assert str(matching[0]) == f"my.toml: {key}: {matching[0].reason}"


def test_str_of_error_lists_one_line_per_problem() -> None:
    error = SchemaError(
        [
            SchemaProblem(
                "myschema.toml", "entities.types[3].color", '"#12" is not a colour (#rrggbb)'
            )
        ]
    )
    assert str(error) == 'myschema.toml: entities.types[3].color: "#12" is not a colour (#rrggbb)'


def test_missing_sections_are_required() -> None:
    problems = problems_of('[schema]\nname = "x"\nversion = 1\n')
    assert [(p.key, p.reason) for p in problems] == [("entities", "required key is missing")]
    problems = problems_of('[entities]\n[[entities.types]]\nlabel = "A"\ncolor = "#000000"\n')
    assert ("schema", "required key is missing") in [(p.key, p.reason) for p in problems]


def test_per_topic_label_needs_topics() -> None:
    text = MINIMAL.split("[stance]", maxsplit=1)[0] + (
        '[documents.labels.overall]\nkind = "single"\nvalues = ["FAVOR"]\nper_topic = true\n'
    )
    problems = problems_of(text)
    assert [p.key for p in problems] == ["documents.labels.overall.per_topic"]


def test_several_mistakes_in_one_file_are_all_reported() -> None:
    text = (
        MINIMAL.replace("version = 2", 'version = "two"')
        .replace('color = "#6fdc8c"', 'color = "green"')
        .replace('hotkey = "g"', 'hotkey = "p"')
        .replace('default = "NAM"', 'default = "X"')
        .replace('label = "Conflict:Attack"', 'label = "conflict-attack"')
        .replace('kind = "single"', 'kind = "radio"')
    )
    problems = problems_of(text, "several.toml")
    assert [p.key for p in problems] == [
        "schema.version",
        "entities.types[1].color",
        "entities.types[1].hotkey",
        "entities.attributes.mention.default",
        "events.types[0].label",
        "documents.labels.topic.kind",
    ]
    lines = str(SchemaError(problems)).splitlines()
    assert len(lines) == 6
    assert all(line.startswith("several.toml: ") for line in lines)


def test_toml_syntax_error_reports_the_line() -> None:
    text = MINIMAL.replace('hotkey = "p"', 'hotkey = "p', 1)
    bad_line = text.splitlines().index('hotkey = "p') + 1
    (problem,) = problems_of(text, "broken.toml")
    assert problem.line == bad_line
    assert problem.key == f"line {bad_line}"
    assert str(problem).startswith(f"broken.toml: line {bad_line}: TOML syntax error")


def test_load_schema_tolerates_bom_and_rejects_non_utf8(tmp_path: Path) -> None:
    with_bom = tmp_path / "bom.toml"
    with_bom.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode("utf-8"))
    assert load_schema(with_bom).name == "mini"
    latin = tmp_path / "cp1256.toml"
    latin.write_bytes(MINIMAL.encode("cp1256"))
    with pytest.raises(SchemaError, match=r"cp1256\.toml: not UTF-8 text"):
        load_schema(latin)
    problems = schema_file_problems(tmp_path / "missing.toml")
    assert len(problems) == 1
    assert "cannot read" in problems[0].reason
    assert problems[0].file.endswith("missing.toml")


def test_check_schema_file_lists_problems(tmp_path: Path) -> None:
    path = tmp_path / "myschema.toml"
    path.write_text(edit('color = "#6fdc8c"', 'color = "#12"'), encoding="utf-8")
    assert [str(p) for p in schema_file_problems(path)] == [
        f'{path}: entities.types[1].color: "#12" is not a colour (#rrggbb)'
    ]
    with pytest.raises(SchemaError):
        load_schema(path)


def test_gazetteer_names_are_nfc_and_checked() -> None:
    decomposed = unicodedata.normalize("NFD", "آمل")
    assert decomposed != "آمل"
    text = MINIMAL + f'\n[gazetteer]\nGPE = ["{decomposed}", "باريس"]\n'
    assert parse_schema(text).gazetteer == {"GPE": ("آمل", "باريس")}
    problems = problems_of(MINIMAL + '\n[gazetteer]\nGPE = ["باريس ", "موسكو", "موسكو"]\n')
    assert [p.key for p in problems] == ["gazetteer.GPE[0]", "gazetteer.GPE[2]"]
