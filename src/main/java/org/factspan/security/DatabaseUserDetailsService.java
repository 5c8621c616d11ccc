package org.factspan.security;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users as Spring Security's {@link UserDetailsService} (tests' {@code @WithUserDetails} and Spring's defaults).
 * Logins do not go through it: {@link PasswordAuthenticationProvider} checks passwords (decision 017).
 */
@Service
class DatabaseUserDetailsService implements UserDetailsService {

    private final AppUserRepository users;

    DatabaseUserDetailsService(AppUserRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        // system accounts (the gold standard's) never log in, whatever their row says
        AppUser user = users.findByUsername(username).filter(u -> !u.isSystemAccount())
                .orElseThrow(() -> new UsernameNotFoundException(username));
        return User.withUsername(user.getUsername())
                .password(user.getPasswordHash())
                .disabled(!user.isEnabled())
                .roles(user.getRole().name())
                .build();
    }
}
