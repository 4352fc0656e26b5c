package io.github.camelsora.simulator;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Characters created with {@code POST /videos/characters}, by id. */
final class CharacterStore {

    record Character(String id, String name, long createdAt) {
    }

    private final Map<String, Character> byId = new ConcurrentHashMap<>();

    Character add(String name, long createdAt) {
        Character character = new Character("char_" + ApiExchange.randomHex(), name, createdAt);
        byId.put(character.id(), character);
        return character;
    }

    Optional<Character> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    void clear() {
        byId.clear();
    }
}
