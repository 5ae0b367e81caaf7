"""``annotator role`` (who may curate) and ``annotator curate`` (the auto-merge)."""

from __future__ import annotations

import click

from annotator.cli.common import echo, open_project
from annotator.cli.errors import user_errors


@click.command("role")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--grant", nargs=2, metavar="ROLE NAME", help="Give NAME the ROLE (curator or"
              " manager); the first grant of a project makes you its manager.")
@click.option("--revoke", nargs=2, metavar="ROLE NAME", help="Take the ROLE from NAME.")
@click.option("--annotator", metavar="NAME", help="Who you are (default: $ANNOTATOR_NAME or"
              " the login name).")
@user_errors
def role_command(project: str, grant: tuple[str, str] | None, revoke: tuple[str, str] | None,
                 annotator: str | None) -> None:
    """List the roles of PROJECT, or grant or revoke one (a manager only, except the first
    grant of a project without a manager)."""
    if grant and revoke:
        raise click.UsageError("--grant and --revoke go in separate commands")
    if grant or revoke:
        with open_project(project, annotator=annotator) as proj:
            if grant:
                changed = proj.grant_role(*grant)
                echo(f"{grant[1]} is {'now' if changed else 'already'} a {grant[0]}")
            elif revoke:
                changed = proj.revoke_role(*revoke)
                echo(f"{revoke[1]} {'is no longer' if changed else 'was not'} a {revoke[0]}")
        return
    with open_project(project, readonly=True, annotator=annotator) as proj:
        roles = proj.roles()
    if not roles:
        echo("no roles yet (the first 'annotator role PROJECT --grant curator NAME' makes"
             " you the manager)")
    for name, role in roles:
        echo(f"{name}\t{role}")


@click.command("curate")
@click.argument("project", type=click.Path(dir_okay=False))
@click.option("--as", "curator", required=True, metavar="NAME",
              help="The curator deciding (must hold the curator role).")
@click.option("--annotators", metavar="A,B,...", help="The layers merged (default: every"
              " annotator's but the curated one).")
@click.option("--policy", type=click.Choice(["unanimous", "majority"]), default="unanimous",
              show_default=True, help="What counts as agreed.")
@click.option("--min-annotators", default=2, show_default=True,
              help="Merge a document when at least this many of them marked it done.")
@user_errors
def curate_command(project: str, curator: str, annotators: str | None, policy: str,
                   min_annotators: int) -> None:
    """Fill the curated layer of PROJECT with what the annotators agree on, and list per
    document what is left to decide. A re-run never changes what a curator decided."""
    from annotator.core.curation import CURATED, curate
    from annotator.core.store import Project, ProjectError
    from annotator.core.store.engines.address import is_missing_file

    names = [n.strip() for n in annotators.split(",") if n.strip()] if annotators else None
    if is_missing_file(project):
        raise ProjectError(f"{project}: no such project")
    with Project.open(project, annotator=curator, layer=CURATED) as proj:
        results = curate(proj, names, policy, min_annotators)
    if not results:
        echo(f"no document has {min_annotators} or more of these annotators marking it done")
    left_total = 0
    for r in results:
        left_total += len(r.left)
        echo(f"{r.external_id}: {', '.join(r.annotators)}: {r.agreed} agreed, {r.partial}"
             f" partly merged, {r.kept} kept, {len(r.left)} left to decide")
        for item in r.left:
            echo(f"  {item.summary()}")
    echo(f"curated {len(results)} document(s) ({policy}); {left_total} disagreement(s) left",
         err=True)


COMMANDS = [role_command, curate_command]
