"""The label schema of a project: TOML loading, validation and look-ups.

``resources/schema/default.toml`` is the bundled schema and documents the file layout. Loading
reports every mistake at once as a :class:`SchemaError` of :class:`SchemaProblem` s.

Modules: ``definitions`` (data classes and look-ups; a schema's dict, TOML and summary), ``rules``
(what the schema allows: is this label declared, may this role take this type; used by the store
and the import checks), ``loading`` (entry points), ``sections`` (per-section checks of the file,
with the spelling of names), ``reader`` (typed TOML access), ``problems``, ``toml_writer`` (plain
dicts and lists to TOML text).
"""

from annotator.core.schema.definitions import (
    DOCUMENT_LABEL_KINDS,
    AttributeDef,
    DocumentLabelDef,
    EntityType,
    EventType,
    Schema,
    Topic,
)
from annotator.core.schema.loading import (
    default_schema_path,
    load_schema,
    parse_schema,
    schema_file_problems,
)
from annotator.core.schema.problems import SchemaError, SchemaProblem
from annotator.core.schema.sections import RESERVED_KEYS

__all__ = [
    "DOCUMENT_LABEL_KINDS",
    "RESERVED_KEYS",
    "AttributeDef",
    "DocumentLabelDef",
    "EntityType",
    "EventType",
    "Schema",
    "SchemaError",
    "SchemaProblem",
    "Topic",
    "default_schema_path",
    "load_schema",
    "parse_schema",
    "schema_file_problems",
]
