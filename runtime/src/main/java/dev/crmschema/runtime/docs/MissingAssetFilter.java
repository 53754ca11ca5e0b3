package dev.crmschema.runtime.docs;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crmschema.runtime.errors.ErrorBody;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives a missing file under {@code /docs/} the API's 404 error body. Dropwizard's asset servlet answers
 * a missing file with a bare status and no body, which no error handler ever sees.
 */
final class MissingAssetFilter implements Filter {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        chain.doFilter(request, response);
        HttpServletResponse http = (HttpServletResponse) response;
        if (http.getStatus() == HttpServletResponse.SC_NOT_FOUND && !http.isCommitted()) {
            http.resetBuffer();
            http.setContentType("application/json");
            JSON.writeValue(http.getOutputStream(), ErrorBody.forStatus(HttpServletResponse.SC_NOT_FOUND));
        }
    }
}
