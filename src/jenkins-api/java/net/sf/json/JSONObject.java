package net.sf.json;

/** Stand-in of json-lib's object, only passed through by vmfork: the form data of a configuration page. */
public final class JSONObject {

    /** An empty object; the stand-in holds no data, the binding is done by the request. */
    public JSONObject() {}
}
