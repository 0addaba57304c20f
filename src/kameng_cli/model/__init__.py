"""The data model. `Case` (user-edited, validated field by field) is a pydantic model and is imported
from `kameng_cli.model.case`; exhibits and events are written only by kameng and read on every
command, so they are light dataclasses (see docs/architecture.md)."""
