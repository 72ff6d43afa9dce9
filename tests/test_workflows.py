"""The contribution flow on GitHub: checked pull requests with a preview, a Pages deploy, and the
files that guide translators (.github/, CONTRIBUTING.md)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

GITHUB = ROOT / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(?:\.\d+)*\s*$")


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def triggers(workflow: dict) -> dict:
    return workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def step_using(workflow: dict, action: str) -> dict:
    return next(step for step in steps(workflow) if step.get("uses", "").startswith(action + "@"))


def readme_test_command() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return re.search(r"Run the tests.*?```sh\n(.+?)\n```", readme, re.DOTALL).group(1).strip()


@pytest.fixture(scope="module")
def pull_request():
    return load(GITHUB / "workflows/pull-request.yml")


@pytest.fixture(scope="module")
def deploy():
    return load(GITHUB / "workflows/deploy.yml")


# The site tests on the repository as it is: the README's test command, narrowed.
def site_test_command() -> str:
    return readme_test_command() + " --states repository -m site"


def job_runs(job: dict) -> list[str]:
    return [step.get("run", "").strip() for step in job.get("steps", [])]


def test_every_pull_request_gets_a_summary_the_site_tests_and_a_preview(pull_request):
    assert set(triggers(pull_request)) == {"pull_request"}
    job = pull_request["jobs"]["translation"]
    assert "if" not in job and "needs" not in job  # it always runs
    runs = job_runs(job)
    summary = next(run for run in runs if "scripts/i18n.py summary" in run)
    assert '--base "origin/$BASE_REF"' in summary and summary.endswith('>> "$GITHUB_STEP_SUMMARY"')
    assert job["env"]["BASE_REF"] == "${{ github.base_ref }}"
    build = next(run for run in runs if "mkdocs build --strict" in run)
    site_dir = re.search(r"--site-dir (\S+)", build).group(1)
    assert job["env"]["SITE_URL"].endswith("/spectrum-retention-guide/")
    upload = next(step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].rstrip("/") == site_dir.rstrip("/")
    assert step_using(pull_request, "actions/setup-python")["with"]["python-version"]
    # The summary first, then the translators' check, the site tests and the preview, each run
    # even when one before it fails.
    order = [runs.index(summary), runs.index("bash scripts/check.sh"), runs.index(site_test_command()),
             runs.index(build)]
    assert order == sorted(order)
    for step in job["steps"][order[1]:]:
        assert step.get("if") == "${{ !cancelled() }}", step


def test_a_change_outside_docs_and_data_also_runs_every_test(pull_request):
    code = pull_request["jobs"]["code"]
    assert code["needs"] == "changes"
    assert code["if"] == "${{ needs.changes.outputs.code == 'true' }}"
    assert readme_test_command() in job_runs(code)
    assert "SKIP_PROPERDOCS_INSTALL" not in {**pull_request.get("env", {}), **code.get("env", {})}
    changes = pull_request["jobs"]["changes"]
    step = next(step for step in changes["steps"] if step.get("id") == "paths")
    assert changes["outputs"]["code"] == "${{ steps.%s.outputs.code }}" % step["id"]


# What the `changes` job decides for a pull request changing `paths`, run in a scratch repository.
def code_changed(folder: Path, paths: list[str], step: dict) -> str:
    def git(*args):
        subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)
    if not (folder / ".git").exists():
        git("init", "-q", "-b", "main")
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "base")
        git("update-ref", "refs/remotes/origin/main", "HEAD")
    git("checkout", "-q", "-B", "pr", "origin/main")
    for path in paths:
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(path, encoding="utf-8")
        git("add", path)
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "change")
    output = folder / "output"
    output.write_text("", encoding="utf-8")
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=folder, check=True, timeout=30,
                   env={"PATH": "/usr/bin:/bin", "BASE_REF": "main", "GITHUB_OUTPUT": str(output)})
    return output.read_text(encoding="utf-8").strip()


@pytest.mark.parametrize("paths, expected", [
    (["docs/ko/index.md"], "code=false"),
    (["docs/de/index.md", "data/faq.yml", "data/messages.yml"], "code=false"),
    (["docs/ko/index.md", "hooks/faq.py"], "code=true"),
    (["mkdocs.yml"], "code=true"),
    (["README.md"], "code=true"),
    (["docsx/page.md"], "code=true"),
], ids=["one-page", "pages-and-data", "page-and-hook", "mkdocs-yml", "readme", "not-docs"])
def test_the_changes_job_tells_translation_from_code(pull_request, tmp_path, paths, expected):
    step = next(step for step in pull_request["jobs"]["changes"]["steps"] if step.get("id") == "paths")
    assert code_changed(tmp_path, paths, step) == expected


@pytest.mark.parametrize("name", ["deploy", "pull_request"])
def test_both_workflows_check_out_the_whole_history(name, deploy, pull_request):
    workflow = {"deploy": deploy, "pull_request": pull_request}[name]
    checkouts = [step for step in steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(step["with"]["fetch-depth"] == 0 for step in checkouts)


def test_main_is_published_with_the_pages_actions(deploy):
    assert triggers(deploy)["push"]["branches"] == ["main"]
    assert deploy["concurrency"]["group"] and deploy["concurrency"]["cancel-in-progress"] is False
    build, publish = deploy["jobs"]["build"], deploy["jobs"]["deploy"]
    pages = step_using(deploy, "actions/configure-pages")
    site_build = next(step for step in build["steps"] if "mkdocs build --strict" in step.get("run", ""))
    assert site_build["env"]["SITE_URL"].startswith("${{ steps.%s.outputs.base_url }}" % pages["id"])
    site_dir = re.search(r"--site-dir (\S+)", site_build["run"]).group(1)
    assert step_using(deploy, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == site_dir
    assert publish["needs"] == "build" and publish["environment"]["name"] == "github-pages"
    assert [step["uses"].split("@")[0] for step in publish["steps"]] == ["actions/deploy-pages"]
    assert readme_test_command() in [step.get("run", "").strip() for step in build["steps"]]
    runs = " ".join(step.get("run", "") for step in steps(deploy))
    assert "gh-deploy" not in runs and "git push" not in runs  # no gh-pages branch
    assert not any("gh-pages" in step.get("uses", "") for step in steps(deploy))


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_least_privilege_and_no_pull_request_target(path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in triggers(workflow)
    assert "pull_request_target" not in path.read_text()
    for name, job in workflow["jobs"].items():
        granted = {key for key, value in job.get("permissions", {}).items() if value == "write"}
        expected = {"pages", "id-token"} if (path.name, name) == ("deploy.yml", "deploy") else set()
        assert granted == expected, (path.name, name)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version(path):
    lines = [line for line in path.read_text().splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    for line in lines:
        assert PINNED.match(line), line
    for step in steps(load(path)):
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step["with"]["persist-credentials"] is False


def run_linters(folder: Path) -> tuple[subprocess.CompletedProcess, subprocess.CompletedProcess]:
    files = sorted(str(path.relative_to(folder)) for path in (folder / ".github/workflows").glob("*.yml"))
    actionlint = subprocess.run(
        [str(BIN / "actionlint"), "-no-color", *files], cwd=folder, capture_output=True, text=True, timeout=120
    )
    zizmor = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--persona=auditor", "--format=plain", "--no-progress", ".github"],
        cwd=folder, capture_output=True, text=True, timeout=120,
    )
    return actionlint, zizmor


def test_actionlint_and_zizmor_report_nothing():
    actionlint, zizmor = run_linters(ROOT)
    assert actionlint.returncode == 0 and actionlint.stdout == "", actionlint.stdout
    assert zizmor.returncode == 0, zizmor.stdout + zizmor.stderr
    assert "No findings to report" in zizmor.stdout


def test_the_linters_do_report_a_bad_workflow(tmp_path):
    (tmp_path / ".github/workflows").mkdir(parents=True)
    (tmp_path / ".github/workflows/bad.yml").write_text(
        "on: pull_request_target\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - uses: actions/checkout@v4\n"
        "      - run: echo \"${{ github.event.pull_request.title }}\"\n",
        encoding="utf-8",
    )
    actionlint, zizmor = run_linters(tmp_path)
    assert actionlint.returncode != 0 and "potentially untrusted" in actionlint.stdout
    assert zizmor.returncode != 0 and "dangerous-triggers" in zizmor.stdout


def test_dependabot_updates_pip_actions_and_the_node_tools():
    updates = load(GITHUB / "dependabot.yml")["updates"]
    expected = {"pip", "github-actions"} | ({"npm"} if (ROOT / "package.json").is_file() else set())
    assert {update["package-ecosystem"] for update in updates} == expected
    assert all(update["directory"] == "/" and update["schedule"]["interval"] for update in updates)


def test_pull_request_template_has_a_translator_checklist():
    text = (GITHUB / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    checklist = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert len(checklist) >= 4
    for command in ("scripts/i18n.py glossary", "scripts/i18n.py sync", readme_test_command()):
        assert any(command in item for item in checklist), command


@pytest.mark.parametrize("name", ["translation-error.yml", "new-language.yml"])
def test_issue_forms_are_valid(name):
    form = load(GITHUB / "ISSUE_TEMPLATE" / name)
    assert form["name"] and form["description"] and form["body"]
    ids = [item["id"] for item in form["body"] if item["type"] != "markdown"]
    assert len(ids) == len(set(ids)) >= 3
    assert {item["type"] for item in form["body"]} <= {"markdown", "input", "textarea", "dropdown", "checkboxes"}
    assert any(item.get("validations", {}).get("required") for item in form["body"])


def test_codeowners_routes_every_language_folder_to_a_placeholder_team(site):
    rules = {}
    for line in (site.root / ".github" / "CODEOWNERS").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *owners = line.split()
            rules[pattern] = owners
    contributing = (site.root / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for language in site.locales:
        owners = rules[f"/docs/{language}/"]
        assert owners and all(owner.startswith("@OWNER/") for owner in owners)
        if language != site.default:
            assert f"@OWNER/translators-{language}" in owners
            for data_file in ("/data/faq.yml", "/data/glossary.yml", "/data/messages.yml"):
                assert f"@OWNER/translators-{language}" in rules[data_file], data_file
    assert "@OWNER/translators-<lang>" in contributing and "placeholders" in contributing


def test_contributing_gives_the_exact_commands():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", text, re.MULTILINE)
    for needed in ("Fix a translation", "Translate a page", "Add or change an FAQ entry",
                   "Add a language", "Preview a change"):
        assert needed in headings
    assert readme_test_command() in text and "bash scripts/serve.sh" in text
    documented = set(re.findall(r"scripts/i18n\.py ([a-z-]+)", text))
    help_text = subprocess.run([sys.executable, "scripts/i18n.py", "--help"], cwd=ROOT,
                               capture_output=True, text=True).stdout
    offered = set(re.search(r"\{([a-z,-]+)\}", help_text).group(1).split(","))
    assert documented == offered
    assert "bash scripts/check.sh" in text
