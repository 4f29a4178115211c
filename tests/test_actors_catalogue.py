"""build_catalogue: every body mentioned, typed, with the bodies its edges need."""

from __future__ import annotations

from kg.actors import ActorRegistry, build_catalogue
from kg.records import Actor, ActorMention, ActorType

MENTIONS = {
    "b.txt": (
        ActorMention("Helseøkonomiforvaltningen", "Helfo", 3, 0, "registry"),
        ActorMention(
            "Senter for omsorgsforskning", "Senter for omsorgsforskning", 4, 0, "shape:senter_for"
        ),
        ActorMention("Senter for omsorgsforskning", "SOF", 4, 29, "abbreviation"),
        ActorMention("Senter for omsorgsforskning", "SOFs", 9, 0, "abbreviation"),
    ),
    "a.txt": (
        ActorMention("Statens legemiddelverk", "Legemiddelverket", 1, 0, "registry"),
        ActorMention("Trondheim kommune", "Trondheim kommunes", 2, 5, "shape:kommune"),
        ActorMention("Helsedirektoratet", "direktoratet", 2, 40, "generic"),
        ActorMention("Helsedirektoratet", "Helsedir", 5, 0, "abbreviation"),
    ),
}


def test_catalogue_lists_mentioned_bodies_and_the_ends_of_their_edges(
    actor_registry: ActorRegistry,
) -> None:
    names = [actor.name for actor in build_catalogue(MENTIONS, actor_registry)]
    assert names == sorted(names)
    mentioned = {
        "Helseøkonomiforvaltningen",
        "Senter for omsorgsforskning",
        "Statens legemiddelverk",
    }
    changes = {c.old for c in actor_registry.changes} | {c.new for c in actor_registry.changes}
    parents = {"Helsedirektoratet", "Helse- og omsorgsdepartementet"}  # Helfo's, and theirs
    assert set(names) == mentioned | {"Trondheim kommune", "Helsedirektoratet"} | changes | parents


def test_catalogue_types_unlisted_bodies_by_their_shape(actor_registry: ActorRegistry) -> None:
    catalogue = {a.name: a for a in build_catalogue(MENTIONS, actor_registry)}
    assert catalogue["Trondheim kommune"] == Actor(
        "Trondheim kommune", ActorType.MUNICIPALITY, (), in_registry=False
    )
    assert catalogue["Senter for omsorgsforskning"].type is ActorType.COMPETENCE_CENTRE


def test_catalogue_adds_abbreviations_defined_in_documents(actor_registry: ActorRegistry) -> None:
    catalogue = {a.name: a for a in build_catalogue(MENTIONS, actor_registry)}
    assert catalogue["Senter for omsorgsforskning"].aliases == ("SOF",)
    assert catalogue["Helsedirektoratet"].aliases == ("Hdir", "Helsedir")
    assert catalogue["Helsedirektoratet"].in_registry


def test_catalogue_keeps_registry_facts(actor_registry: ActorRegistry) -> None:
    catalogue = {a.name: a for a in build_catalogue(MENTIONS, actor_registry)}
    assert catalogue["Helseøkonomiforvaltningen"] == actor_registry.get("Helseøkonomiforvaltningen")
    assert catalogue["Direktoratet for medisinske produkter"].in_registry


def test_catalogue_is_deterministic(actor_registry: ActorRegistry) -> None:
    reordered = {name: tuple(reversed(m)) for name, m in reversed(list(MENTIONS.items()))}
    assert build_catalogue(MENTIONS, actor_registry) == build_catalogue(reordered, actor_registry)


def test_catalogue_of_nothing_holds_only_the_change_ends(actor_registry: ActorRegistry) -> None:
    names = {a.name for a in build_catalogue({}, actor_registry)}
    assert names == {c.old for c in actor_registry.changes} | {
        c.new for c in actor_registry.changes
    } | {
        "Helse- og omsorgsdepartementet"  # parent of bodies at the change ends
    }
