"""Roles per project (issue 14): who may curate, who may grant.

A ``roles`` row gives an annotator a role: ``curator`` (writes the curated layer, the layer
of the reserved name :data:`CURATED`) or ``manager`` (grants and revokes roles). The first
grant in a project without a manager is allowed to anyone and makes the granter its manager
too; after that only a manager grants or revokes, and the last manager cannot be revoked.

SQLite cannot enforce this against a person who edits the file by hand (anyone who can
write the file can write any row): roles keep honest people in their lane in the app and
the CLI. A server (PostgreSQL, issue 15) enforces them with its own accounts.
"""

from __future__ import annotations

from annotator.core.store.base import ProjectBase
from annotator.core.store.errors import ProjectError
from annotator.core.store.journal import write_entry
from annotator.core.store.timeutil import utc_now

CURATED = "curation"
"""The reserved annotator name of the curated (gold) layer: never a person's name."""
ROLES = ("curator", "manager")


def check_person_name(name: str) -> None:
    """Refuse the reserved name :data:`CURATED` as a person's (annotator's) name."""
    if name == CURATED:
        raise ProjectError(f"{CURATED!r} is the name of the curated layer, not a person's:"
                           " choose another annotator name (a curator opens the curated"
                           " layer with their own name and layer=CURATED, --as NAME on the"
                           " command line)")


class RolesMixin(ProjectBase):
    """Roles of :class:`~annotator.core.store.Project`: list, grant, revoke, check."""

    def _has_table(self, name: str) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                                 " AND name = ?", (name,)).fetchone() is not None

    def roles(self) -> list[tuple[str, str]]:
        """Every ``(annotator name, role)`` of the project, by name then role."""
        self._check_open()
        if not self._has_table("roles"):  # a read-only open of an older format
            return []
        return [(str(n), str(r)) for n, r in self.conn.execute(
            "SELECT a.name, r.role FROM roles r JOIN annotators a ON a.id = r.annotator_id"
            " ORDER BY a.name, r.role")]

    def has_role(self, name: str, role: str) -> bool:
        """Whether annotator ``name`` holds ``role`` in this project."""
        return (name, role) in self.roles()

    def check_curator(self, name: str) -> None:
        """Refuse (``ProjectError``) when ``name`` is not a curator of the project."""
        if not self.has_role(name, "curator"):
            managers = [n for n, r in self.roles() if r == "manager"]
            who = (f"a manager ({', '.join(managers)})" if managers
                   else "anyone (the first grant makes the granter the project's manager)")
            raise ProjectError(f"{name} is not a curator of {self.path}: only a curator"
                               f" changes the curated layer; {who} can grant it with"
                               f" 'annotator role PROJECT --grant curator {name}'")

    def _check_grantable(self, role: str, name: str) -> None:
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}; roles: {', '.join(ROLES)}")
        check_person_name(name)
        if not name.strip():
            raise ValueError("an annotator name cannot be blank")

    def grant_role(self, role: str, name: str) -> bool:
        """Give ``name`` the ``role`` (an audit entry in the journal); False when they held
        it already. Allowed to a manager, or to anyone while the project has no manager
        (that first grant also makes the granter a manager)."""
        self._check_grantable(role, name)
        with self._transaction() as conn:
            managers = {int(r[0]) for r in conn.execute(
                "SELECT annotator_id FROM roles WHERE role = 'manager'")}
            if managers and self.actor_id not in managers:
                raise ProjectError(f"{self.annotator} is not a manager of {self.path}: only a"
                                   " manager grants roles")
            now = utc_now()
            granted: list[tuple[int, str]] = []
            if not managers:
                granted.append((self.actor_id, "manager"))
            granted.append((self._annotator_id(name, create=True), role))
            added = False
            for who, what in granted:
                cur = conn.execute("INSERT OR IGNORE INTO roles(annotator_id, role, granted_by,"
                                   " granted) VALUES (?, ?, ?, ?)",
                                   (who, what, self.actor_id, now))
                added = cur.rowcount > 0 if (who, what) == granted[-1] else added
            write_entry(conn, annotator_id=self.actor_id, doc_id=None,
                        action=f"Grant {role} to {name}", kind="audit", target_id=None,
                        changes={"grant": role, "to": name,
                                 "manager": not managers})
        return added

    def revoke_role(self, role: str, name: str) -> bool:
        """Take ``role`` from ``name`` (a manager only; never the last manager); False when
        they did not hold it."""
        self._check_grantable(role, name)
        with self._transaction() as conn:
            managers = {int(r[0]) for r in conn.execute(
                "SELECT annotator_id FROM roles WHERE role = 'manager'")}
            if self.actor_id not in managers:
                raise ProjectError(f"{self.annotator} is not a manager of {self.path}: only a"
                                   " manager revokes roles")
            row = conn.execute("SELECT id FROM annotators WHERE name = ?", (name,)).fetchone()
            if row is None:
                return False
            who = int(row[0])
            if role == "manager" and managers == {who}:
                raise ProjectError(f"{name} is the last manager of {self.path}: grant"
                                   " manager to someone else first")
            cur = conn.execute("DELETE FROM roles WHERE annotator_id = ? AND role = ?",
                               (who, role))
            if cur.rowcount == 0:
                return False
            write_entry(conn, annotator_id=self.actor_id, doc_id=None,
                        action=f"Revoke {role} from {name}", kind="audit", target_id=None,
                        changes={"revoke": role, "from": name})
        return True
