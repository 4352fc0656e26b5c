/*
 * Copyright 2026 The camel-sora Authors
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
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
