"""The actions on the open document: small Qt-free objects given (session, project, notify).

See :mod:`.document_actions` for how they are put together and :mod:`.base` for what they
share.
"""
