"""Searching names by English, Chinese and pinyin."""

import pytest

from organisations.search import fold, has_han, like_pattern, matches, pinyin_search_terms


def test_fold_drops_accents_case_and_separators():
    assert fold("Málaga") == "malaga"
    assert fold("Jean-François  Dubois") == "jeanfrancoisdubois"
    assert fold(None) == ""


def test_pinyin_search_terms_use_phrase_readings():
    assert pinyin_search_terms("重庆") == "chongqing cq"
    assert pinyin_search_terms("长春") == "changchun cc"
    assert pinyin_search_terms("张伟") == "zhangwei zw"
    assert pinyin_search_terms("Lü 吕") == "lv l"
    assert pinyin_search_terms("Barcelona") == ""
    assert pinyin_search_terms(None) == ""


@pytest.mark.parametrize(
    "query",
    ["zhang", "Zhang Wei", "zhangwei", "ZW", "张伟", "张", "wei"],
)
def test_matches_a_chinese_participant(query):
    assert matches(query, "Zhang Wei", "张伟")


@pytest.mark.parametrize("query", ["li", "王", "zhangfang", "x"])
def test_does_not_match_other_names(query):
    assert not matches(query, "Zhang Wei", "张伟")


def test_matches_pinyin_of_chinese_only_name_and_stored_key():
    assert matches("chongqing", "重庆市人民政府")
    assert matches("cqs", None, "重庆市人民政府")
    assert matches("tuscia", "Tuscia University", key="")
    assert matches("yantai", "烟台大学", key="yantaidaxue ytdx")


def test_empty_query_matches_everything():
    assert matches("", "anything")
    assert matches("  ", None)


def test_has_han_and_like_pattern():
    assert has_han("Yantai 烟台")
    assert not has_han("Yantai")
    assert like_pattern("50%_a\\b") == "%50\\%\\_a\\\\b%"
