package org.factspan.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    Optional<ApiToken> findByTokenHash(String tokenHash);

    List<ApiToken> findByUserIdOrderByCreatedAtDescIdDesc(long userId);

    long countByUserId(long userId);

    /** Revokes every token of a user; returns how many there were. */
    @Modifying
    @Query("delete from ApiToken t where t.userId = :userId")
    int deleteByUser(long userId);

    /** Records a use, at most once per {@code before}: a busy script does not write on every call. */
    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id and (t.lastUsedAt is null or t.lastUsedAt < :before)")
    int recordUse(long id, Instant now, Instant before);
}
