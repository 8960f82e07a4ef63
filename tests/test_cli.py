"""`rolechat` commands do what the Python API does and turn user errors into one line."""

from __future__ import annotations

import io
import json

from assistant.cli import main

from conftest import SEEDS


def test_ingest_ask_and_postings(capsys, data_dir):
    assert main(["ingest", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "added 2" in out

    assert main(["ingest", str(SEEDS)]) == 0
    assert "unchanged 2" in capsys.readouterr().out

    assert main(["ask", "What is the salary range for the principal role?"]) == 0
    out = capsys.readouterr().out
    assert "235,000" in out and "[1]" in out and "000_0751755ddfb3f06d.txt" in out

    assert main(["postings", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["source"] for r in rows} == {"000_0751755ddfb3f06d.txt", "001_a344f62e8c6bf03a.txt"}


def test_batch_questions_give_one_json_answer_per_line(capsys, tmp_path):
    main(["ingest", str(SEEDS)])
    capsys.readouterr()
    questions = tmp_path / "questions.txt"
    questions.write_text("How long is the internship?\n\nWhat is the capital of France?\n", encoding="utf-8")
    assert main(["ask", "--file", str(questions), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    answers = [json.loads(line) for line in lines]
    assert len(answers) == 2
    assert "13" in answers[0]["text"] and answers[0]["citations"][0]["source"] == "001_a344f62e8c6bf03a.txt"
    assert answers[1]["abstained"] is True


def test_chat_in_the_terminal_remembers_the_role(capsys, monkeypatch):
    main(["ingest", str(SEEDS)])
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO("Tell me about the internship.\nHow long does it last?\n\n"))
    assert main(["chat"]) == 0
    out = capsys.readouterr().out
    assert "13-week" in out or "13 weeks" in out


def test_user_errors_are_one_line_and_exit_2(capsys, tmp_path):
    assert main(["ask", "anything?"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("rolechat: error: no postings") and "\n" not in err

    assert main(["ingest", str(tmp_path / "missing")]) == 1
    captured = capsys.readouterr()
    assert "no such file or folder" in captured.err

    main(["ingest", str(SEEDS)])
    capsys.readouterr()
    assert main(["ask", "   "]) == 2
    assert "question is empty" in capsys.readouterr().err


def test_eval_command_writes_reports_and_enforces_floors(capsys, tmp_path):
    questions = tmp_path / "q.jsonl"
    rows = [
        {"id": "a", "turns": ["What is the salary range for the principal role?"], "facts": [["235,000"]],
         "sources": ["000_0751755ddfb3f06d.txt"], "answerable": True},
        {"id": "b", "turns": ["How long is the internship?"], "facts": [["13"]],
         "sources": ["001_a344f62e8c6bf03a.txt"], "answerable": True},
        {"id": "c", "turns": ["Tell me about the internship.", "Where is it?"], "facts": [["London"]],
         "sources": ["001_a344f62e8c6bf03a.txt"], "answerable": True},
        {"id": "d", "turns": ["Does the principal role sponsor visas?"], "facts": [], "sources": [], "answerable": False},
        {"id": "e", "turns": ["Which team would the intern join?"], "facts": [["Spectacles"]],
         "sources": ["001_a344f62e8c6bf03a.txt"], "answerable": True},
    ]
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    code = main(["eval", "--ingest", str(SEEDS), "--questions", str(questions), "--out", str(out_dir),
                 "--min-fact-recall", "0.8", "--min-abstention", "1.0"])
    assert code == 0, capsys.readouterr()
    report = json.loads((out_dir / "report.json").read_text())
    assert report["answers"]["fact_recall"] >= 0.8 and len(report["questions"]) == 5
    assert (out_dir / "report.md").exists() and (out_dir / "metrics.png").stat().st_size > 1000
    # A wrong answer under a floor of 1.0 fails the command with the metric named.
    rows.append({"id": "f", "turns": ["How long is the internship?"], "facts": [["forty years"]],
                 "sources": ["001_a344f62e8c6bf03a.txt"], "answerable": True})
    questions.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["eval", "--questions", str(questions), "--out", str(out_dir), "--min-fact-recall", "1"]) == 1
    assert "below floor: fact_recall" in capsys.readouterr().err
