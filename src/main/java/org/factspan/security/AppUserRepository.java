package org.factspan.security;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    /** True when at least one account that can log in exists (system accounts do not count). */
    boolean existsBySystemAccountFalse();
}
