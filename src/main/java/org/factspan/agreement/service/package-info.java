/**
 * The agreement service and its reports, read by export (named interface {@code agreement :: service}).
 */
@NamedInterface("service")
package org.factspan.agreement.service;

import org.springframework.modulith.NamedInterface;
