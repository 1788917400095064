package org.kohsuke.stapler;

import net.sf.json.JSONObject;

/** Stand-in of Stapler's request (Jakarta servlet flavour); only the data binding that vmfork calls. */
public interface StaplerRequest2 {

    void bindJSON(Object bean, JSONObject src);
}
