"""The Qt-free core: text handling, schema, store, commands, import and export."""
