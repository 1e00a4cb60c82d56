"""The schemas, installed as package data of ``converter.schemas`` (see converter.resources)."""
