"""Exports of hostile maps: deep chains, texts with carriage returns, backslashes and format syntax; each read
back by a reader of the format says what the map says."""

from __future__ import annotations

import xml.dom.minidom

import yaml

import argmap
from argmap.formats import parse_map


def chain(length: int) -> argmap.ArgumentMap:
    statements = {"s0": {"role": "thesis", "text": "T"}}
    statements |= {f"s{n}": {"text": f"claim {n}", "supports": f"s{n - 1}"} for n in range(1, length)}
    return argmap.ArgumentMap.from_data({"argmap": 1, "id": "chain", "statements": statements})


def test_a_support_chain_thousands_deep_goes_to_kialo_and_back():
    written = argmap.export(chain(2500), "kialo")
    again = parse_map(written.text.encode("utf-8"), "chain.txt").amap
    assert len(again.statements) == 2500
    assert argmap.export(again, "kialo").text == written.text  # a deep Kialo import exports back


def test_graphml_keeps_a_carriage_return_through_an_xml_reader():
    amap = argmap.ArgumentMap.from_data({"argmap": 1, "id": "m", "statements": {
        "t": {"role": "thesis", "text": "one\r\ntwo\rthree & <four>"}}})
    document = xml.dom.minidom.parseString(argmap.export(amap, "graphml").text.encode("utf-8"))
    labels = [node.firstChild.data for node in document.getElementsByTagName("data")
              if node.getAttribute("key") == "label"]
    assert labels == ["one\r\ntwo\rthree & <four>"]


def test_mermaids_front_matter_is_yaml_that_reads_back_the_title():
    for title in ("back\\slash", 'say "no"', "a: b # c", "\\u0041 \\n", "tab\there"):
        amap = argmap.ArgumentMap.from_data({"argmap": 1, "id": "m", "title": title,
                                             "statements": {"t": {"text": "T"}}})
        text = argmap.export(amap, "mermaid").text
        front = text.split("---\n")[1]
        assert yaml.safe_load(front) == {"title": " ".join(title.split())}, title


def test_a_title_on_several_lines_is_joined_on_one_and_said_in_kialo_and_mermaid():
    amap = argmap.ArgumentMap.from_data({"argmap": 1, "title": "Line one\n1. Not a claim\n1.1. Pro: nor this",
                                         "statements": {"t": {"text": "Thesis"}}})
    for form in ("kialo", "mermaid"):
        written = argmap.export(amap, form)
        assert "Line one 1. Not a claim 1.1. Pro: nor this" in written.text
        assert [(loss.what, loss.where) for loss in written.losses] == [("line breaks", "title")], form
    assert len(parse_map(argmap.export(amap, "kialo").text.encode(), "a.txt").amap.statements) == 1
