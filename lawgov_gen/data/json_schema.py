"""The JSON Schema of the data file, for editors (yaml-language-server)."""

from __future__ import annotations

import json

from lawgov_gen.data.model import ReportData


def schema_json() -> str:
    """JSON Schema (draft 2020-12) of schema version 1, pretty-printed."""
    schema = ReportData.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "lawgov-gen 数据文件（版本 1）"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True)
